package io.liquid5gc.sbi.security;

import io.liquid5gc.sbi.NfType;
import java.util.Optional;

/**
 * Who may call a function: the NF types of the core plus the N2 proxy, which terminates N1/N2 for the AMF and so
 * needs an identity of its own (it is not an NF of TS 23.501, but it is the only caller that writes what the UE's
 * NAS integrity check found). The wire names are the NFType strings of TS 29.510 6.1.6.3.3 and {@code N2_PROXY}.
 */
public enum ConsumerType {
    AMF(NfType.AMF),
    SMF(NfType.SMF),
    NRF(NfType.NRF),
    AUSF(NfType.AUSF),
    UDM(NfType.UDM),
    UDR(NfType.UDR),
    PCF(NfType.PCF),
    NSSF(NfType.NSSF),
    CHF(NfType.CHF),
    BSF(NfType.BSF),
    NWDAF(NfType.NWDAF),
    NSACF(NfType.NSACF),
    /** The NGAP/NAS termination (ngap-proxy). */
    N2_PROXY(null);

    private final NfType nf;

    ConsumerType(NfType nf) {
        this.nf = nf;
    }

    /** The NF type, empty for the N2 proxy. */
    public Optional<NfType> nf() {
        return Optional.ofNullable(nf);
    }

    public static ConsumerType of(NfType nf) {
        return valueOf(nf.name());
    }

    /** The consumer type named on the wire (case-insensitive), empty when unknown. */
    public static Optional<ConsumerType> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ConsumerType t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
