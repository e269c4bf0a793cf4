package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.1.27 Security Indication; the maximum integrity protected data rate may be null;
 * {@code extensions} are its iE-Extensions kept raw (e.g. the DL rate), empty when none.
 */
public record SecurityIndication(ProtectionIndication integrity, ProtectionIndication confidentiality,
                                 MaximumIntegrityProtectedDataRate maximumIntegrityProtectedDataRateUl,
                                 List<RawExtension> extensions) {
    public SecurityIndication {
        extensions = RawExtension.immutable(extensions);
    }

    public SecurityIndication(ProtectionIndication integrity, ProtectionIndication confidentiality,
                              MaximumIntegrityProtectedDataRate maximumIntegrityProtectedDataRateUl) {
        this(integrity, confidentiality, maximumIntegrityProtectedDataRateUl, List.of());
    }
}
