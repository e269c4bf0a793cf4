package io.liquid5gc.nas.codec;

import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.sm.SmCause;

/**
 * Why a NAS PDU could not be decoded, and the cause to answer with (TS 24.501 clause 7).
 *
 * @param kind   the class of error
 * @param detail human-readable detail (for logs, never sent)
 * @param offset byte offset in the PDU where decoding stopped, or -1
 */
public record NasDecodeError(Kind kind, String detail, int offset) {

    /** Error classes of TS 24.501 clause 7, each carrying its 5GMM and 5GSM cause value. */
    public enum Kind {
        /** TS 24.501 7.2: message too short to hold the header; the message is ignored. */
        MESSAGE_TOO_SHORT(GmmCause.INVALID_MANDATORY_INFORMATION, SmCause.INVALID_MANDATORY_INFORMATION, true),
        /** TS 24.501 7.3: unknown extended protocol discriminator; the message is ignored. */
        UNKNOWN_PROTOCOL_DISCRIMINATOR(GmmCause.PROTOCOL_ERROR_UNSPECIFIED, SmCause.PROTOCOL_ERROR_UNSPECIFIED, true),
        /** TS 24.501 7.4: message type non-existent or not implemented (#97). */
        MESSAGE_TYPE_NON_EXISTENT(GmmCause.MESSAGE_TYPE_NON_EXISTENT, SmCause.MESSAGE_TYPE_NON_EXISTENT, false),
        /** TS 24.501 7.5/7.6.2: missing or syntactically incorrect mandatory IE (#96). */
        INVALID_MANDATORY_INFORMATION(GmmCause.INVALID_MANDATORY_INFORMATION, SmCause.INVALID_MANDATORY_INFORMATION, false),
        /** TS 24.501 7.7: semantically incorrect message (#95). */
        SEMANTICALLY_INCORRECT(GmmCause.SEMANTICALLY_INCORRECT_MESSAGE, SmCause.SEMANTICALLY_INCORRECT_MESSAGE, false),
        /** Anything else (#111). */
        PROTOCOL_ERROR_UNSPECIFIED(GmmCause.PROTOCOL_ERROR_UNSPECIFIED, SmCause.PROTOCOL_ERROR_UNSPECIFIED, false);

        private final GmmCause gmmCause;
        private final SmCause smCause;
        private final boolean ignore;

        Kind(GmmCause gmmCause, SmCause smCause, boolean ignore) {
            this.gmmCause = gmmCause;
            this.smCause = smCause;
            this.ignore = ignore;
        }
    }

    /** The 5GMM cause to put in a 5GMM STATUS (or reject) answering this PDU. */
    public GmmCause gmmCause() {
        return kind.gmmCause;
    }

    /** The 5GSM cause to put in a 5GSM STATUS answering this PDU. */
    public SmCause smCause() {
        return kind.smCause;
    }

    /** True when TS 24.501 says to silently ignore the message instead of answering with a status. */
    public boolean ignoreMessage() {
        return kind.ignore;
    }
}
