package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A packet filter of a QoS rule, TS 24.501 9.11.4.13 (Figure 9.11.4.13.3): direction (bits 6-5:
 * 01 downlink, 10 uplink, 11 bidirectional), identifier (bits 4-1) and components. For the "delete
 * packet filters" operation only the identifier is present ({@code components} is null).
 */
public record PacketFilter(int direction, int id, List<Component> components) {

    public static final int DOWNLINK = 1, UPLINK = 2, BIDIRECTIONAL = 3;

    public static PacketFilter matchAll(int id) {
        return new PacketFilter(BIDIRECTIONAL, id, List.of(new Component.MatchAll()));
    }

    /** Packet filter components, TS 24.501 Table 9.11.4.13.1. */
    public sealed interface Component {
        int type();

        void encodeValue(NasWriter w);

        /** 0x01 match-all. */
        record MatchAll() implements Component {
            public int type() {
                return 0x01;
            }

            public void encodeValue(NasWriter w) {
            }
        }

        /** 0x10 IPv4 remote / 0x11 IPv4 local address: address and mask. */
        record Ipv4(boolean remote, byte[] address, byte[] mask) implements Component {
            public int type() {
                return remote ? 0x10 : 0x11;
            }

            public void encodeValue(NasWriter w) {
                w.bytes(address).bytes(mask);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Ipv4 x && x.remote == remote && Arrays.equals(x.address, address)
                        && Arrays.equals(x.mask, mask);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(address);
            }
        }

        /** 0x21 IPv6 remote / 0x23 IPv6 local address/prefix length. */
        record Ipv6(boolean remote, byte[] address, int prefixLength) implements Component {
            public int type() {
                return remote ? 0x21 : 0x23;
            }

            public void encodeValue(NasWriter w) {
                w.bytes(address).u8(prefixLength);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Ipv6 x && x.remote == remote && x.prefixLength == prefixLength
                        && Arrays.equals(x.address, address);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(address);
            }
        }

        /** 0x30 protocol identifier / next header. */
        record Protocol(int protocol) implements Component {
            public int type() {
                return 0x30;
            }

            public void encodeValue(NasWriter w) {
                w.u8(protocol);
            }
        }

        /** 0x40 single local / 0x50 single remote port. */
        record Port(boolean remote, int port) implements Component {
            public int type() {
                return remote ? 0x50 : 0x40;
            }

            public void encodeValue(NasWriter w) {
                w.u16(port);
            }
        }

        /** 0x41 local / 0x51 remote port range. */
        record PortRange(boolean remote, int low, int high) implements Component {
            public int type() {
                return remote ? 0x51 : 0x41;
            }

            public void encodeValue(NasWriter w) {
                w.u16(low).u16(high);
            }
        }

        /** Any other component type with its fixed-length value (SPI, TOS, flow label, MAC, VLAN...). */
        record Other(int type, byte[] value) implements Component {
            public void encodeValue(NasWriter w) {
                w.bytes(value);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Other x && x.type == type && Arrays.equals(x.value, value);
            }

            @Override
            public int hashCode() {
                return type * 31 + Arrays.hashCode(value);
            }

            @Override
            public String toString() {
                return "Other[type=0x" + Integer.toHexString(type) + ", " + HexFormat.of().formatHex(value) + "]";
            }
        }
    }

    /** Value length of each component type (TS 24.501 Table 9.11.4.13.1), -1 if unknown. */
    static int componentLength(int type) {
        return switch (type) {
            case 0x01 -> 0;
            case 0x10, 0x11 -> 8;
            case 0x21, 0x23 -> 17;
            case 0x30, 0x85, 0x86 -> 1;
            case 0x40, 0x50, 0x70, 0x83, 0x84, 0x87 -> 2;
            case 0x41, 0x51, 0x60 -> 4;
            case 0x80 -> 3;
            case 0x81, 0x82 -> 6;
            case 0x88, 0x89 -> 12; // destination / source MAC address range
            default -> -1;
        };
    }

    static List<Component> decodeComponents(NasReader r) throws NasDecodeException {
        List<Component> out = new ArrayList<>(2);
        while (r.hasRemaining()) {
            int type = r.u8();
            int len = componentLength(type);
            if (len < 0) {
                // unknown component: its length cannot be known, keep the rest opaque
                out.add(new Component.Other(type, r.rest()));
                break;
            }
            out.add(switch (type) {
                case 0x01 -> new Component.MatchAll();
                case 0x10, 0x11 -> new Component.Ipv4(type == 0x10, r.bytes(4), r.bytes(4));
                case 0x21, 0x23 -> new Component.Ipv6(type == 0x21, r.bytes(16), r.u8());
                case 0x30 -> new Component.Protocol(r.u8());
                case 0x40, 0x50 -> new Component.Port(type == 0x50, r.u16());
                case 0x41, 0x51 -> new Component.PortRange(type == 0x51, r.u16(), r.u16());
                default -> new Component.Other(type, r.bytes(len));
            });
        }
        return out;
    }

    void encode(NasWriter w, boolean idOnly) {
        if (idOnly || components == null) {
            w.u8(id & 0x0F);
            return;
        }
        w.u8(((direction & 0x03) << 4) | (id & 0x0F));
        int m = w.beginLen8();
        for (Component c : components) {
            w.u8(c.type());
            c.encodeValue(w);
        }
        w.endLen8(m);
    }
}
