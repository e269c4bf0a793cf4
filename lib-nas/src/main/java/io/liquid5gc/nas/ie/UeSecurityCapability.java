package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * UE security capability, TS 24.501 9.11.3.54. Each field is the octet as sent: bit 8 is
 * algorithm 0 (e.g. 5G-EA0), bit 1 algorithm 7. {@code eea}/{@code eia} are -1 when absent;
 * octets 7-10 (spare) are kept in {@code spare}.
 */
public record UeSecurityCapability(int nrEa, int nrIa, int eea, int eia, byte[] spare) {

    public static UeSecurityCapability nr(int nrEa, int nrIa) {
        return new UeSecurityCapability(nrEa, nrIa, -1, -1, new byte[0]);
    }

    public boolean supportsNrEa(int alg) {
        return (nrEa & (0x80 >> alg)) != 0;
    }

    public boolean supportsNrIa(int alg) {
        return (nrIa & (0x80 >> alg)) != 0;
    }

    public static UeSecurityCapability decode(NasReader r) throws NasDecodeException {
        if (r.remaining() < 2 || r.remaining() > 8) {
            throw NasReader.invalid("UE security capability length");
        }
        int ea = r.u8(), ia = r.u8();
        int eea = r.hasRemaining() ? r.u8() : -1;
        int eia = r.hasRemaining() ? r.u8() : -1;
        return new UeSecurityCapability(ea, ia, eea, eia, r.rest());
    }

    public void encode(NasWriter w) {
        w.u8(nrEa).u8(nrIa);
        if (eea >= 0) {
            w.u8(eea);
            if (eia >= 0) {
                w.u8(eia);
                w.bytes(spare);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UeSecurityCapability u && u.nrEa == nrEa && u.nrIa == nrIa && u.eea == eea
                && u.eia == eia && java.util.Arrays.equals(u.spare, spare);
    }

    @Override
    public int hashCode() {
        return (nrEa << 24) ^ (nrIa << 16) ^ (eea << 8) ^ eia;
    }

    @Override
    public String toString() {
        return String.format("UeSecurityCapability[5G-EA=%02x, 5G-IA=%02x, EEA=%d, EIA=%d]", nrEa, nrIa, eea, eia);
    }
}
