package io.liquid5gc.security.kdf;

import java.nio.charset.StandardCharsets;

/**
 * The serving network name of TS 33.501 6.1.1.4 (format from TS 24.501 9.12.1): "5G:" followed by the SN Id
 * "mnc&lt;MNC&gt;.mcc&lt;MCC&gt;.3gppnetwork.org", with a 2-digit MNC padded with a leading 0 (TS 23.003 19.2).
 */
public record ServingNetworkName(String value) {
    public ServingNetworkName {
        if (!value.startsWith("5G:")) {
            throw new IllegalArgumentException("serving network name starts with 5G: " + value);
        }
    }

    /** {@code of("208", "93")} is "5G:mnc093.mcc208.3gppnetwork.org". */
    public static ServingNetworkName of(String mcc, String mnc) {
        if (!mcc.matches("\\d{3}") || !mnc.matches("\\d{2,3}")) {
            throw new IllegalArgumentException("MCC is 3 digits and MNC 2 or 3: " + mcc + "/" + mnc);
        }
        String mnc3 = mnc.length() == 2 ? "0" + mnc : mnc;
        return new ServingNetworkName("5G:mnc" + mnc3 + ".mcc" + mcc + ".3gppnetwork.org");
    }

    /** The octets used as a KDF parameter (character string, TS 33.220 B.2.1.2). */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return value;
    }
}
