package io.liquid5gc.nas;

import io.liquid5gc.nas.security.SecurityProtectedNasMessage;

/** What arrives in an NGAP NAS-PDU: a plain NAS message or a security-protected one. */
public sealed interface NasPdu {

    /** Security header type 0: the message is plain. */
    record Plain(NasMessage message) implements NasPdu {
    }

    /** Security header type 1-4: verify/decipher, then decode {@code innerBytes}. */
    record Protected(SecurityProtectedNasMessage message) implements NasPdu {
    }
}
