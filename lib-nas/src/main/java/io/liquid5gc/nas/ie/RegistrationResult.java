package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * 5GS registration result, TS 24.501 9.11.3.6 (one octet): bits 3-1 result (1 3GPP access,
 * 2 non-3GPP access, 3 both), bit 4 SMS allowed, bit 5 NSSAA to be performed, bit 6 emergency
 * registered, bit 7 disaster roaming registration result.
 */
public record RegistrationResult(int octet) {

    public static final int ACCESS_3GPP = 1, ACCESS_NON_3GPP = 2, ACCESS_BOTH = 3;

    public static RegistrationResult of(int access, boolean smsAllowed) {
        return new RegistrationResult((smsAllowed ? 0x08 : 0) | (access & 0x07));
    }

    public int access() {
        return octet & 0x07;
    }

    public boolean smsAllowed() {
        return (octet & 0x08) != 0;
    }

    public static RegistrationResult decode(NasReader r) throws NasDecodeException {
        return new RegistrationResult(r.u8());
    }

    public void encode(NasWriter w) {
        w.u8(octet);
    }
}
