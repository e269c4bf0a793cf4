package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * One bit per PDU session identity: the value of PDU session status (TS 24.501 9.11.3.44), uplink
 * data status (9.11.3.57), allowed PDU session status (9.11.3.13) and PDU session reactivation
 * result (9.11.3.42). Bit {@code n} of {@link #bits()} is PSI(n). Octet 3 carries PSI(7)..PSI(0)
 * from bit 8 to bit 1, octet 4 PSI(15)..PSI(8); further octets are spare and kept.
 */
public record PduSessionBitmap(int bits, byte[] spare) {

    public static PduSessionBitmap of(int... psis) {
        int b = 0;
        for (int p : psis) {
            b |= 1 << p;
        }
        return new PduSessionBitmap(b, new byte[0]);
    }

    public boolean isSet(int psi) {
        return (bits & (1 << psi)) != 0;
    }

    public static PduSessionBitmap decode(NasReader r) throws NasDecodeException {
        if (r.remaining() < 2 || r.remaining() > 32) {
            throw NasReader.invalid("PDU session bitmap length");
        }
        int lo = r.u8(), hi = r.u8();
        return new PduSessionBitmap((hi << 8) | lo, r.rest());
    }

    public void encode(NasWriter w) {
        w.u8(bits & 0xFF).u8((bits >> 8) & 0xFF).bytes(spare);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PduSessionBitmap p && p.bits == bits && java.util.Arrays.equals(p.spare, spare);
    }

    @Override
    public int hashCode() {
        return bits;
    }

    @Override
    public String toString() {
        return "PduSessionBitmap[" + Integer.toBinaryString(bits) + "]";
    }
}
