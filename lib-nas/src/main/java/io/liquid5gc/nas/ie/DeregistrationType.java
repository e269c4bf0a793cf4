package io.liquid5gc.nas.ie;

/**
 * De-registration type, TS 24.501 9.11.3.20 (half octet): bit 4 switch off (meaningful from the
 * UE), bit 3 re-registration required (meaningful from the network), bits 2-1 access type
 * (1 3GPP, 2 non-3GPP, 3 both).
 */
public record DeregistrationType(boolean switchOff, boolean reRegistrationRequired, int accessType) {

    public static final int ACCESS_3GPP = 1, ACCESS_NON_3GPP = 2, ACCESS_BOTH = 3;

    /** The access type values of bits 2-1 in code order; 00 is reserved. */
    public enum Access { RESERVED, ACCESS_3GPP, ACCESS_NON_3GPP, ACCESS_BOTH }

    /** {@link #accessType()} as one of the four values of bits 2-1. */
    public Access access() {
        return Access.values()[accessType & 0x03];
    }

    public static DeregistrationType fromHalf(int half) {
        return new DeregistrationType((half & 0x08) != 0, (half & 0x04) != 0, half & 0x03);
    }

    public int toHalf() {
        return (switchOff ? 0x08 : 0) | (reRegistrationRequired ? 0x04 : 0) | (accessType & 0x03);
    }
}
