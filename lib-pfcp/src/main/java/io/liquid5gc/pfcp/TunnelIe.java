package io.liquid5gc.pfcp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The IEs that say where packets come from and go to: interfaces, tunnels, the UE's address, outer headers
 * (TS 29.244 8.2.2-8.2.4, 8.2.24, 8.2.56, 8.2.62, 8.2.64, 8.2.79, 8.2.118).
 */
public sealed interface TunnelIe extends Ie {

    /** The interface values of Source Interface (8.2.2) and Destination Interface (8.2.24) both define. */
    enum Interface {
        ACCESS(0), CORE(1), N6_LAN(2), CP_FUNCTION(3);

        private final int code;

        Interface(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Interface of(int code) {
            for (Interface i : values()) {
                if (i.code == code) {
                    return i;
                }
            }
            return null;
        }
    }

    /** TS 29.244 8.2.2: Source Interface (type 20). Other values (5G VN internal, ...) decode as {@link Ie.Unknown}. */
    record SourceInterface(Interface value) implements TunnelIe {
        public static final int TYPE = 20;

        public SourceInterface {
            Objects.requireNonNull(value);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(value.code);
        }

        static Ie read(Octets v) {
            int raw = v.u8();
            Interface i = Interface.of(raw & 0x0F);
            return i == null || raw > 0x0F ? new Unknown(TYPE, new byte[] {(byte) raw}) : new SourceInterface(i);
        }
    }

    /** TS 29.244 8.2.24: Destination Interface (type 42). Other values (LI function, ...) decode as {@link Ie.Unknown}. */
    record DestinationInterface(Interface value) implements TunnelIe {
        public static final int TYPE = 42;

        public DestinationInterface {
            Objects.requireNonNull(value);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(value.code);
        }

        static Ie read(Octets v) {
            int raw = v.u8();
            Interface i = Interface.of(raw & 0x0F);
            return i == null || raw > 0x0F ? new Unknown(TYPE, new byte[] {(byte) raw}) : new DestinationInterface(i);
        }
    }

    /**
     * TS 29.244 8.2.3: F-TEID (type 21): a TEID and the address(es) of its endpoint, or with {@code choose} (CH) a
     * request that the UP function allocate one, of the families V4/V6 and, with a CHOOSE ID, the same for every
     * PDR that gives that id.
     */
    record FTeid(long teid, Inet4Address ipv4, Inet6Address ipv6, Choose choose) implements TunnelIe {
        public static final int TYPE = 21;

        /** CH set: allocate an F-TEID of these families; {@code id} (0-255) or null. */
        public record Choose(boolean v4, boolean v6, Integer id) {
            public Choose {
                if (id != null) {
                    Bits.range("CHOOSE ID", id, 0xFF);
                }
            }
        }

        public FTeid {
            Bits.range("TEID", teid, 0xFFFF_FFFFL);
            if (choose != null && (teid != 0 || ipv4 != null || ipv6 != null)) {
                throw new IllegalArgumentException("with CH the TEID and addresses are left to the UP function");
            }
            if (choose == null && ipv4 == null && ipv6 == null) {
                throw new IllegalArgumentException("an F-TEID without CH carries an address");
            }
        }

        public static FTeid of(long teid, Inet4Address ipv4) {
            return new FTeid(teid, ipv4, null, null);
        }

        /** CH with V4 and the given CHOOSE ID (or null): the UPF allocates an IPv4 F-TEID. */
        public static FTeid chooseIpv4(Integer chooseId) {
            return new FTeid(0, null, null, new Choose(true, false, chooseId));
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            if (choose != null) {
                out.u8((choose.v4 ? 1 : 0) | (choose.v6 ? 2 : 0) | 4 | (choose.id != null ? 8 : 0));
                if (choose.id != null) {
                    out.u8(choose.id);
                }
                return;
            }
            out.u8((ipv4 != null ? 1 : 0) | (ipv6 != null ? 2 : 0)).u32(teid);
            if (ipv4 != null) {
                out.address(ipv4);
            }
            if (ipv6 != null) {
                out.address(ipv6);
            }
        }

        static FTeid read(Octets v) {
            int flags = v.u8();
            boolean v4 = (flags & 1) != 0;
            boolean v6 = (flags & 2) != 0;
            if ((flags & 4) != 0) {
                Integer id = (flags & 8) != 0 ? v.u8() : null;
                return new FTeid(0, null, null, new Choose(v4, v6, id));
            }
            long teid = v.u32();
            Inet4Address a4 = v4 ? v.ipv4() : null;
            Inet6Address a6 = v6 ? v.ipv6() : null;
            if (a4 == null && a6 == null) {
                throw v.bad("F-TEID with neither CH nor an address");
            }
            return new FTeid(teid, a4, a6, null);
        }
    }

    /** TS 29.244 8.2.4: Network Instance (type 22): an octet string, commonly a DNN in label encoding (TS 23.003 9.1). */
    record NetworkInstance(byte[] octets) implements TunnelIe {
        public static final int TYPE = 22;

        public NetworkInstance {
            octets = Bits.copy(octets, 0xFFFF, "network instance");
        }

        public static NetworkInstance ofDnn(String dnn) {
            return new NetworkInstance(Labels.encode(dnn));
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.bytes(octets);
        }

        static NetworkInstance read(Octets v) {
            return new NetworkInstance(v.rest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NetworkInstance n && Arrays.equals(n.octets, octets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "NetworkInstance[" + HexFormat.of().formatHex(octets) + "]";
        }
    }

    /**
     * TS 29.244 8.2.62: UE IP Address (type 93). {@code destination} is S/D: in an uplink PDR's PDI the address is the
     * source (false), in a downlink PDR's the destination (true). CHV4/CHV6 ask the UPF to allocate.
     */
    record UeIpAddress(Inet4Address ipv4, Inet6Address ipv6, boolean destination, Integer ipv6PrefixDelegationBits,
                       boolean chooseV4, boolean chooseV6, Integer ipv6PrefixLength) implements TunnelIe {
        public static final int TYPE = 93;

        public UeIpAddress {
            if (ipv6PrefixDelegationBits != null) {
                Bits.range("IPv6 prefix delegation bits", ipv6PrefixDelegationBits, 0xFF);
            }
            if (ipv6PrefixLength != null) {
                Bits.range("IPv6 prefix length", ipv6PrefixLength, 0xFF);
            }
        }

        public static UeIpAddress ipv4(Inet4Address address, boolean destination) {
            return new UeIpAddress(address, null, destination, null, false, false, null);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8((ipv6 != null ? 1 : 0) | (ipv4 != null ? 2 : 0) | (destination ? 4 : 0) | (ipv6PrefixDelegationBits != null ? 8 : 0)
                    | (chooseV4 ? 16 : 0) | (chooseV6 ? 32 : 0) | (ipv6PrefixLength != null ? 64 : 0));
            if (ipv4 != null) {
                out.address(ipv4);
            }
            if (ipv6 != null) {
                out.address(ipv6);
            }
            if (ipv6PrefixDelegationBits != null) {
                out.u8(ipv6PrefixDelegationBits);
            }
            if (ipv6PrefixLength != null) {
                out.u8(ipv6PrefixLength);
            }
        }

        static UeIpAddress read(Octets v) {
            int f = v.u8();
            Inet4Address a4 = (f & 2) != 0 ? v.ipv4() : null;
            Inet6Address a6 = (f & 1) != 0 ? v.ipv6() : null;
            Integer pd = (f & 8) != 0 ? v.u8() : null;
            Integer pl = (f & 64) != 0 ? v.u8() : null;
            return new UeIpAddress(a4, a6, (f & 4) != 0, pd, (f & 16) != 0, (f & 32) != 0, pl);
        }
    }

    /**
     * TS 29.244 8.2.56: Outer Header Creation (type 84): the description (octets 5-6: bit 1 GTP-U/UDP/IPv4, 2
     * GTP-U/UDP/IPv6, 3 UDP/IPv4, 4 UDP/IPv6, 5 IPv4, 6 IPv6, 7 C-TAG, 8 S-TAG; octet 6 bit 1 N19, bit 2 N6) and the
     * fields it calls for: TEID, IPv4, IPv6, port, C-TAG, S-TAG (3 octets each).
     */
    record OuterHeaderCreation(int description, long teid, Inet4Address ipv4, Inet6Address ipv6, int port, int cTag, int sTag)
            implements TunnelIe {
        public static final int TYPE = 84;
        public static final int GTPU_UDP_IPV4 = 0x0100;
        public static final int GTPU_UDP_IPV6 = 0x0200;

        public OuterHeaderCreation {
            Bits.range("description", description, 0xFFFF);
            Bits.range("TEID", teid, 0xFFFF_FFFFL);
            Bits.range("port", port, 0xFFFF);
            Bits.range("C-TAG", cTag, 0xFFFFFF);
            Bits.range("S-TAG", sTag, 0xFFFFFF);
            int d = description >> 8;
            if ((ipv4 != null) != ((d & 0x15) != 0) || (ipv6 != null) != ((d & 0x2A) != 0)) {
                throw new IllegalArgumentException("the addresses present must be those the description calls for");
            }
            if ((d & 0x03) == 0 && teid != 0 || (d & 0x0C) == 0 && port != 0 || (d & 0x40) == 0 && cTag != 0 || (d & 0x80) == 0 && sTag != 0) {
                throw new IllegalArgumentException("a field the description does not call for is set");
            }
        }

        /** GTP-U/UDP/IPv4 towards {@code peer} with {@code teid} (a gNB's or another UPF's N3/N9 tunnel). */
        public static OuterHeaderCreation gtpuIpv4(long teid, Inet4Address peer) {
            return new OuterHeaderCreation(GTPU_UDP_IPV4, teid, peer, null, 0, 0, 0);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            int d = description >> 8;
            out.u16(description);
            if ((d & 0x03) != 0) {
                out.u32(teid);
            }
            if (ipv4 != null) {
                out.address(ipv4);
            }
            if (ipv6 != null) {
                out.address(ipv6);
            }
            if ((d & 0x0C) != 0) {
                out.u16(port);
            }
            if ((d & 0x40) != 0) {
                out.u24(cTag);
            }
            if ((d & 0x80) != 0) {
                out.u24(sTag);
            }
        }

        static OuterHeaderCreation read(Octets v) {
            int description = v.u16();
            int d = description >> 8;
            long teid = (d & 0x03) != 0 ? v.u32() : 0;
            Inet4Address a4 = (d & 0x15) != 0 ? v.ipv4() : null;
            Inet6Address a6 = (d & 0x2A) != 0 ? v.ipv6() : null;
            int port = (d & 0x0C) != 0 ? v.u16() : 0;
            int cTag = (d & 0x40) != 0 ? v.u24() : 0;
            int sTag = (d & 0x80) != 0 ? v.u24() : 0;
            return new OuterHeaderCreation(description, teid, a4, a6, port, cTag, sTag);
        }
    }

    /**
     * TS 29.244 8.2.64: Outer Header Removal (type 95): the description (0 GTP-U/UDP/IPv4, 1 GTP-U/UDP/IPv6, 2
     * UDP/IPv4, 3 UDP/IPv6, 4 IPv4, 5 IPv6, 6 GTP-U/UDP/IP, 7 VLAN S-TAG, 8 S-TAG and C-TAG) and, optionally, the
     * GTP-U extension header deletion octet (bit 1: PDU Session Container).
     */
    record OuterHeaderRemoval(int description, Integer extensionHeaderDeletion) implements TunnelIe {
        public static final int TYPE = 95;
        public static final int GTPU_UDP_IPV4 = 0;

        public OuterHeaderRemoval {
            Bits.range("description", description, 0xFF);
            if (extensionHeaderDeletion != null) {
                Bits.range("GTP-U extension header deletion", extensionHeaderDeletion, 0xFF);
            }
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(description);
            if (extensionHeaderDeletion != null) {
                out.u8(extensionHeaderDeletion);
            }
        }

        static OuterHeaderRemoval read(Octets v) {
            int d = v.u8();
            return new OuterHeaderRemoval(d, v.remaining() > 0 ? v.u8() : null);
        }
    }

    /** TS 29.244 8.2.79: PDN Type (type 113): the PDU session type. */
    record PdnType(Value value) implements TunnelIe {
        public static final int TYPE = 113;

        public enum Value {
            IPV4(1), IPV6(2), IPV4V6(3), NON_IP(4), ETHERNET(5);

            private final int code;

            Value(int code) {
                this.code = code;
            }

            public int code() {
                return code;
            }
        }

        public PdnType {
            Objects.requireNonNull(value);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(value.code);
        }

        static Ie read(Octets v) {
            int raw = v.u8();
            for (Value x : Value.values()) {
                if (x.code == raw) {
                    return new PdnType(x);
                }
            }
            return new Unknown(TYPE, new byte[] {(byte) raw});
        }
    }

    /**
     * TS 29.244 8.2.118: 3GPP Interface Type (type 160): in a PDI the source, in Forwarding Parameters the destination
     * interface type (Table 8.2.118-1). Other values decode as {@link Ie.Unknown}.
     */
    record TgppInterfaceType(Value value) implements TunnelIe {
        public static final int TYPE = 160;

        public enum Value {
            S1_U(0), S5_S8_U(1), S4_U(2), S11_U(3), S12_U(4), GN_GP_U(5), S2A_U(6), S2B_U(7),
            ENB_DL_DATA_FORWARDING(8), ENB_UL_DATA_FORWARDING(9), SGW_UPF_DL_DATA_FORWARDING(10),
            N3_3GPP_ACCESS(11), N3_TRUSTED_NON_3GPP_ACCESS(12), N3_UNTRUSTED_NON_3GPP_ACCESS(13),
            N3_DATA_FORWARDING(14), N9(15), SGI(16), N6(17), N19(18), S8_U(19), GP_U(20);

            private final int code;

            Value(int code) {
                this.code = code;
            }

            public int code() {
                return code;
            }
        }

        public TgppInterfaceType {
            Objects.requireNonNull(value);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(value.code);
        }

        static Ie read(Octets v) {
            int raw = v.u8();
            for (Value x : Value.values()) {
                if (x.code == raw) {
                    return new TgppInterfaceType(x);
                }
            }
            return new Unknown(TYPE, new byte[] {(byte) raw});
        }
    }
}
