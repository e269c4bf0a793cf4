package io.liquid5gc.sbi;

import java.util.Locale;
import java.util.Optional;

/**
 * The network functions of the core (TS 23.501 6.2), each a Spring Boot module with its functions.
 * The four Release 17 NFs can be switched off; callers then skip them.
 */
public enum NfType {
    AMF(false),
    SMF(false),
    NRF(false),
    AUSF(false),
    UDM(false),
    UDR(false),
    PCF(false),
    NSSF(false),
    CHF(true),
    BSF(true),
    NWDAF(true),
    NSACF(true);

    private final boolean release17;

    NfType(boolean release17) {
        this.release17 = release17;
    }

    /** True for the Release 17 NFs (NWDAF, CHF, NSACF, BSF), which are switchable. */
    public boolean release17() {
        return release17;
    }

    /** The lower-case key used in configuration ({@code liquid5gc.nf.<key>.*}) and function names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NfType> fromKey(String key) {
        for (NfType t : values()) {
            if (t.key().equalsIgnoreCase(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
