package io.liquid5gc.nas.security;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A security protected 5GS NAS message, TS 24.501 9.1.1 (Figure 9.1.1.2): EPD 0x7E, security
 * header type 1-4, message authentication code (4 octets), sequence number (1 octet, the 8 LSBs of
 * the NAS COUNT), then the plain NAS message, ciphered when the header type says so.
 *
 * <p>The MAC covers {@link #macInput()} (sequence number and inner message, TS 24.501 4.4.3.3).
 * Decoding the inner plain message is a separate step after integrity check and deciphering:
 * {@code NasCodec.decode(innerBytes)}.
 */
public record SecurityProtectedNasMessage(SecurityHeaderType securityHeaderType, byte[] mac, int sequenceNumber,
                                          byte[] innerBytes) {

    /** Octets before the inner message: EPD, security header type, MAC, sequence number. */
    public static final int HEADER_LENGTH = 7;

    public SecurityProtectedNasMessage {
        if (securityHeaderType == null || securityHeaderType == SecurityHeaderType.PLAIN) {
            throw new IllegalArgumentException("security header type must be 1-4");
        }
        if (mac == null || mac.length != 4) {
            throw new IllegalArgumentException("MAC is 4 octets");
        }
        if (sequenceNumber < 0 || sequenceNumber > 255) {
            throw new IllegalArgumentException("sequence number is one octet");
        }
    }

    /** The input of the NAS integrity algorithm: sequence number followed by the inner message. */
    public byte[] macInput() {
        byte[] out = new byte[innerBytes.length + 1];
        out[0] = (byte) sequenceNumber;
        System.arraycopy(innerBytes, 0, out, 1, innerBytes.length);
        return out;
    }

    public int macAsInt() {
        return ((mac[0] & 0xFF) << 24) | ((mac[1] & 0xFF) << 16) | ((mac[2] & 0xFF) << 8) | (mac[3] & 0xFF);
    }

    public void encode(NasWriter w) {
        w.u8(NasMessage.EPD_5GMM).u8(securityHeaderType.code).bytes(mac).u8(sequenceNumber).bytes(innerBytes);
    }

    public byte[] encode() {
        NasWriter w = new NasWriter(HEADER_LENGTH + innerBytes.length);
        encode(w);
        return w.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityProtectedNasMessage s && s.securityHeaderType == securityHeaderType
                && s.sequenceNumber == sequenceNumber && Arrays.equals(s.mac, mac) && Arrays.equals(s.innerBytes, innerBytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mac) * 31 + sequenceNumber;
    }

    @Override
    public String toString() {
        HexFormat h = HexFormat.of();
        return "SecurityProtectedNasMessage[" + securityHeaderType + ", mac=" + h.formatHex(mac) + ", sqn="
                + sequenceNumber + ", inner=" + h.formatHex(innerBytes) + "]";
    }
}
