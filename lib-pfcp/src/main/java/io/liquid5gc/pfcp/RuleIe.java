package io.liquid5gc.pfcp;


/**
 * The identifiers and parameters of packet detection, forwarding and QoS rules (TS 29.244 8.2.7, 8.2.9-8.2.11,
 * 8.2.26, 8.2.36, 8.2.40, 8.2.46, 8.2.74, 8.2.75, 8.2.89).
 */
public sealed interface RuleIe extends Ie {

    /** TS 29.244 8.2.36: PDR ID (type 56, 2 octets). */
    record PdrId(int id) implements RuleIe {
        public static final int TYPE = 56;

        public PdrId {
            Bits.range("PDR ID", id, 0xFFFF);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u16(id);
        }

        static PdrId read(Octets v) {
            return new PdrId(v.u16());
        }
    }

    /** TS 29.244 8.2.74: FAR ID (type 108, 4 octets; bit 8 of the first octet set: a predefined FAR). */
    record FarId(long id) implements RuleIe {
        public static final int TYPE = 108;

        public FarId {
            Bits.range("FAR ID", id, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(id);
        }

        static FarId read(Octets v) {
            return new FarId(v.u32());
        }
    }

    /** TS 29.244 8.2.75: QER ID (type 109, 4 octets). */
    record QerId(long id) implements RuleIe {
        public static final int TYPE = 109;

        public QerId {
            Bits.range("QER ID", id, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(id);
        }

        static QerId read(Octets v) {
            return new QerId(v.u32());
        }
    }

    /** TS 29.244 8.2.54: URR ID (type 81, 4 octets). */
    record UrrId(long id) implements RuleIe {
        public static final int TYPE = 81;

        public UrrId {
            Bits.range("URR ID", id, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(id);
        }

        static UrrId read(Octets v) {
            return new UrrId(v.u32());
        }
    }

    /** TS 29.244 8.2.11: Precedence (type 29, 4 octets): lower values are matched first. */
    record Precedence(long value) implements RuleIe {
        public static final int TYPE = 29;

        public Precedence {
            Bits.range("precedence", value, 0xFFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(value);
        }

        static Precedence read(Octets v) {
            return new Precedence(v.u32());
        }
    }

    /**
     * TS 29.244 8.2.26: Apply Action (type 44, 2 octets; a Release 15 peer may send 1): {@code flags} holds octet 5 in
     * bits 0-7 and octet 6 in bits 8-15.
     */
    record ApplyAction(int flags) implements RuleIe {
        public static final int TYPE = 44;
        public static final int DROP = 0x01;
        public static final int FORW = 0x02;
        public static final int BUFF = 0x04;
        public static final int NOCP = 0x08;
        public static final int DUPL = 0x10;
        public static final int IPMA = 0x20;
        public static final int IPMD = 0x40;
        public static final int DFRT = 0x80;
        public static final int EDRT = 0x100;
        public static final int BDPN = 0x200;
        public static final int DDPN = 0x400;

        public ApplyAction {
            Bits.range("apply action", flags, 0xFFFF);
        }

        public boolean has(int flag) {
            return (flags & flag) == flag;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(flags & 0xFF).u8(flags >> 8);
        }

        static ApplyAction read(Octets v) {
            int low = v.u8();
            return new ApplyAction(low | (v.remaining() > 0 ? v.u8() << 8 : 0));
        }
    }

    /** TS 29.244 8.2.7: Gate Status (type 25): uplink gate in bits 4-3, downlink in bits 2-1 (0 open, 1 closed). */
    record GateStatus(boolean uplinkOpen, boolean downlinkOpen) implements RuleIe {
        public static final int TYPE = 25;

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8((uplinkOpen ? 0 : 1) << 2 | (downlinkOpen ? 0 : 1));
        }

        static Ie read(Octets v) {
            int raw = v.u8();
            int ul = raw >> 2 & 3;
            int dl = raw & 3;
            if (raw > 0x0F || ul > 1 || dl > 1) {
                return new Unknown(TYPE, new byte[] {(byte) raw});
            }
            return new GateStatus(ul == 0, dl == 0);
        }
    }

    /** TS 29.244 8.2.8: MBR (type 26): uplink and downlink maximum bit rates in kbps, 5 octets each. */
    record Mbr(long uplinkKbps, long downlinkKbps) implements RuleIe {
        public static final int TYPE = 26;

        public Mbr {
            Bits.range("UL MBR", uplinkKbps, 0xFF_FFFF_FFFFL);
            Bits.range("DL MBR", downlinkKbps, 0xFF_FFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.uN(uplinkKbps, 5).uN(downlinkKbps, 5);
        }

        static Mbr read(Octets v) {
            return new Mbr(v.uN(5), v.uN(5));
        }
    }

    /** TS 29.244 8.2.9: GBR (type 27): uplink and downlink guaranteed bit rates in kbps, 5 octets each. */
    record Gbr(long uplinkKbps, long downlinkKbps) implements RuleIe {
        public static final int TYPE = 27;

        public Gbr {
            Bits.range("UL GBR", uplinkKbps, 0xFF_FFFF_FFFFL);
            Bits.range("DL GBR", downlinkKbps, 0xFF_FFFF_FFFFL);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.uN(uplinkKbps, 5).uN(downlinkKbps, 5);
        }

        static Gbr read(Octets v) {
            return new Gbr(v.uN(5), v.uN(5));
        }
    }

    /** TS 29.244 8.2.89: QFI (type 124): the QoS flow identifier, 6 bits. */
    record Qfi(int value) implements RuleIe {
        public static final int TYPE = 124;

        public Qfi {
            Bits.range("QFI", value, 63);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(value);
        }

        static Ie read(Octets v) {
            int raw = v.u8();
            return raw > 63 ? new Unknown(TYPE, new byte[] {(byte) raw}) : new Qfi(raw);
        }
    }

    /**
     * TS 29.244 8.2.31: PFCPSMReq-Flags (type 49): bit 1 DROBU (drop buffered packets), bit 2 SNDEM (send End
     * Marker), bit 3 QAURR (query all URRs), bit 4 SUMPC, bit 5 RUMUC, bit 6 DETEID.
     */
    record PfcpSmReqFlags(int flags) implements RuleIe {
        public static final int TYPE = 49;
        public static final int DROBU = 0x01;
        public static final int SNDEM = 0x02;
        public static final int QAURR = 0x04;

        public PfcpSmReqFlags {
            Bits.range("PFCPSMReq-Flags", flags, 0xFF);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(flags);
        }

        static PfcpSmReqFlags read(Octets v) {
            return new PfcpSmReqFlags(v.u8());
        }
    }

}
