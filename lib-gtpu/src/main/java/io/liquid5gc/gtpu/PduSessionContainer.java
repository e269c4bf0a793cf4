package io.liquid5gc.gtpu;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The PDU Session Container extension header (TS 29.281 5.2.2.7, type 0x85) carrying the PDU Session User Plane
 * protocol's frame (TS 38.415 5.5.2): a DL PDU SESSION INFORMATION (type 0, 5.5.2.1) or UL PDU SESSION INFORMATION
 * (type 1, 5.5.2.2), always with the QoS Flow Identifier. Octet 1's four flag bits (DL: QMP, SNP, MSNP, spare; UL:
 * QMP, DL Delay Ind, UL Delay Ind, SNP) and octet 2's two (DL: PPP, RQI; UL: N3/N9 Delay Ind, New IE Flag) are
 * kept as they came, and the optional fields after octet 2 (PPI, time stamps, sequence numbers, padding) as
 * {@code optional}, so what decodes re-encodes to the same octets. Frames of other PDU types stay
 * {@link ExtensionHeader.Other}.
 */
public record PduSessionContainer(PduType pduType, int octet1Flags, int octet2Flags, int qfi, byte[] optional) implements ExtensionHeader {

    /** The PDU Type (TS 38.415 5.5.3.1). */
    public enum PduType {
        DL_PDU_SESSION_INFORMATION(0),
        UL_PDU_SESSION_INFORMATION(1);

        private final int code;

        PduType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static PduType of(int code) {
            return code == 0 ? DL_PDU_SESSION_INFORMATION : code == 1 ? UL_PDU_SESSION_INFORMATION : null;
        }
    }

    public PduSessionContainer {
        if (octet1Flags < 0 || octet1Flags > 0xF || octet2Flags < 0 || octet2Flags > 3) {
            throw new IllegalArgumentException("flags out of range");
        }
        if (qfi < 0 || qfi > 63) {
            throw new IllegalArgumentException("QFI out of range (TS 38.415 5.5.3.3, 6 bits): " + qfi);
        }
        // the content (2 + optional) of an extension header is 4n-2 octets: pad with zeros (TS 38.415 5.5.3.10)
        int padded = optional.length + ((2 - (2 + optional.length) % 4) + 4) % 4;
        if (2 + padded > 255 * 4 - 2) {
            throw new IllegalArgumentException("PDU Session Container too long");
        }
        optional = Arrays.copyOf(optional, padded);
    }

    /** A DL PDU SESSION INFORMATION frame with the QFI only. */
    public static PduSessionContainer downlink(int qfi) {
        return new PduSessionContainer(PduType.DL_PDU_SESSION_INFORMATION, 0, 0, qfi, new byte[0]);
    }

    /** A DL PDU SESSION INFORMATION frame with the QFI, the Reflective QoS Indicator and, when not null, the Paging Policy Indicator. */
    public static PduSessionContainer downlink(int qfi, boolean rqi, Integer ppi) {
        if (ppi != null && (ppi < 0 || ppi > 7)) {
            throw new IllegalArgumentException("PPI out of range (3 bits): " + ppi);
        }
        return new PduSessionContainer(PduType.DL_PDU_SESSION_INFORMATION, 0, (ppi != null ? 2 : 0) | (rqi ? 1 : 0), qfi,
                ppi == null ? new byte[0] : new byte[] {(byte) (ppi << 5)});
    }

    /** An UL PDU SESSION INFORMATION frame with the QFI only. */
    public static PduSessionContainer uplink(int qfi) {
        return new PduSessionContainer(PduType.UL_PDU_SESSION_INFORMATION, 0, 0, qfi, new byte[0]);
    }

    @Override
    public int type() {
        return ExtensionHeaderType.PDU_SESSION_CONTAINER.code();
    }

    /** DL only: the Reflective QoS Indicator (TS 38.415 5.5.3.4). */
    public boolean rqi() {
        return pduType == PduType.DL_PDU_SESSION_INFORMATION && (octet2Flags & 1) != 0;
    }

    /** DL only: the Paging Policy Indicator when PPP is set (TS 38.415 5.5.3.6, 5.5.3.7), else null. */
    public Integer ppi() {
        return pduType == PduType.DL_PDU_SESSION_INFORMATION && (octet2Flags & 2) != 0 ? (optional[0] >> 5) & 7 : null;
    }

    @Override
    public byte[] optional() {
        return optional.clone();
    }

    /** The content octets (between the extension header's length and next-type octets). */
    byte[] content() {
        byte[] c = new byte[2 + optional.length];
        c[0] = (byte) (pduType.code() << 4 | octet1Flags);
        c[1] = (byte) (octet2Flags << 6 | qfi);
        System.arraycopy(optional, 0, c, 2, optional.length);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PduSessionContainer p && p.pduType == pduType && p.octet1Flags == octet1Flags && p.octet2Flags == octet2Flags
                && p.qfi == qfi && Arrays.equals(p.optional, optional);
    }

    @Override
    public int hashCode() {
        return ((pduType.hashCode() * 31 + octet1Flags) * 31 + octet2Flags) * 64 + qfi + 17 * Arrays.hashCode(optional);
    }

    @Override
    public String toString() {
        return "PduSessionContainer[" + pduType + ", qfi=" + qfi + ", flags=" + octet1Flags + "/" + octet2Flags
                + (optional.length == 0 ? "" : ", optional=" + HexFormat.of().formatHex(optional)) + "]";
    }
}
