package io.liquid5gc.nas.codec;

import java.util.HexFormat;

/**
 * An optional IE kept as wire bytes, so that re-encoding is lossless.
 *
 * @param iei    the IEI; for type 1 IEs only bits 8-5 (e.g. 0xB0)
 * @param format the IE format
 * @param value  the value part: for TV1 one octet holding the half-octet value, empty for T
 */
public record RawIe(int iei, IeFormat format, byte[] value) {

    /**
     * The first IE with {@code iei} in {@code ies} (for type 1 IEs pass the IEI in bits 8-5, e.g.
     * 0xB0 for the MICO indication), or null: how callers read optional IEs the codec keeps raw.
     */
    public static RawIe find(java.util.List<RawIe> ies, int iei) {
        for (RawIe ie : ies) {
            if (ie.iei == iei) {
                return ie;
            }
        }
        return null;
    }

    public void encode(NasWriter w) {
        switch (format) {
            case TV1 -> w.u8((iei & 0xF0) | (value[0] & 0x0F));
            case T -> w.u8(iei);
            case TV -> w.u8(iei).bytes(value);
            case TLV -> w.u8(iei).u8(value.length).bytes(value);
            case TLV_E -> w.u8(iei).u16(value.length).bytes(value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawIe r && r.iei == iei && r.format == format && java.util.Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return iei * 31 + java.util.Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RawIe[iei=0x" + Integer.toHexString(iei) + ", " + format + ", " + HexFormat.of().formatHex(value) + "]";
    }
}
