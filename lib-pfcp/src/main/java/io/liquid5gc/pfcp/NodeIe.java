package io.liquid5gc.pfcp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HexFormat;


/** The IEs that name PFCP entities and sessions and tell what they support (TS 29.244 8.2.37, 8.2.38, 8.2.25, 8.2.58, 8.2.65). */
public sealed interface NodeIe extends Ie {

    /** Seconds between the NTP epoch (1900-01-01) and the Unix epoch (RFC 5905). */
    long NTP_UNIX_OFFSET = 2_208_988_800L;

    /** TS 29.244 8.2.38: Node ID (type 60): an IPv4 or IPv6 address, or an FQDN (label-encoded, TS 23.003 9.1). */
    record NodeId(InetAddress address, String fqdn) implements NodeIe {
        public static final int TYPE = 60;

        public NodeId {
            if ((address == null) == (fqdn == null)) {
                throw new IllegalArgumentException("a Node ID is an address or an FQDN");
            }
            if (fqdn != null && Labels.encode(fqdn).length > 0xFFFF - 1) {
                throw new IllegalArgumentException("FQDN too long");
            }
        }

        public static NodeId of(InetAddress address) {
            return new NodeId(address, null);
        }

        public static NodeId ofFqdn(String fqdn) {
            return new NodeId(null, fqdn);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            if (address == null) {
                out.u8(2).bytes(Labels.encode(fqdn));
            } else {
                out.u8(address instanceof Inet6Address ? 1 : 0).address(address);
            }
        }

        static NodeId read(Octets v) {
            int kind = v.u8() & 0x0F;
            return switch (kind) {
                case 0 -> of(v.ipv4());
                case 1 -> of(v.ipv6());
                case 2 -> ofFqdn(Labels.decode(v.rest(), v));
                default -> throw v.bad("Node ID type " + kind + " (0 IPv4, 1 IPv6, 2 FQDN)");
            };
        }
    }

    /** TS 29.244 8.2.37: F-SEID (type 57): the SEID its sender allocated and the sender's address(es). */
    record FSeid(long seid, Inet4Address ipv4, Inet6Address ipv6) implements NodeIe {
        public static final int TYPE = 57;

        public FSeid {
            if (ipv4 == null && ipv6 == null) {
                throw new IllegalArgumentException("an F-SEID carries an IPv4 or an IPv6 address or both");
            }
        }

        public static FSeid of(long seid, InetAddress address) {
            return address instanceof Inet6Address a6 ? new FSeid(seid, null, a6) : new FSeid(seid, (Inet4Address) address, null);
        }

        /** The address to send to: IPv4 when there is one. */
        public InetAddress address() {
            return ipv4 != null ? ipv4 : ipv6;
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8((ipv4 != null ? 2 : 0) | (ipv6 != null ? 1 : 0)).uN(seid, 8);
            if (ipv4 != null) {
                out.address(ipv4);
            }
            if (ipv6 != null) {
                out.address(ipv6);
            }
        }

        static FSeid read(Octets v) {
            int flags = v.u8();
            long seid = v.uN(8);
            Inet4Address a4 = (flags & 2) != 0 ? v.ipv4() : null;
            Inet6Address a6 = (flags & 1) != 0 ? v.ipv6() : null;
            if (a4 == null && a6 == null) {
                throw v.bad("F-SEID with neither V4 nor V6");
            }
            return new FSeid(seid, a4, a6);
        }
    }

    /**
     * TS 29.244 8.2.65: Recovery Time Stamp (type 96): when the sender last started, in NTP seconds (RFC 5905). A peer
     * whose stamp changed has restarted and lost its PFCP state (TS 29.244 6.2.2).
     */
    record RecoveryTimeStamp(long ntpSeconds) implements NodeIe {
        public static final int TYPE = 96;

        public RecoveryTimeStamp {
            Bits.range("NTP seconds", ntpSeconds, 0xFFFF_FFFFL);
        }

        public static RecoveryTimeStamp of(Instant when) {
            return new RecoveryTimeStamp((when.getEpochSecond() + NTP_UNIX_OFFSET) & 0xFFFF_FFFFL);
        }

        public Instant toInstant() {
            return Instant.ofEpochSecond(ntpSeconds - NTP_UNIX_OFFSET);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u32(ntpSeconds);
        }

        static RecoveryTimeStamp read(Octets v) {
            return new RecoveryTimeStamp(v.u32());
        }
    }

    /** TS 29.244 8.2.25: UP Function Features (type 43): feature octets as sent (bit N of octet M per Table 8.2.25-1). */
    record UpFunctionFeatures(byte[] octets) implements NodeIe {
        public static final int TYPE = 43;

        public UpFunctionFeatures {
            octets = Bits.copy(octets, 0xFFFF, "UP function features");
        }

        /** Whether bit {@code bit} (1-8) of feature octet {@code octet} (5 is the first, as in the spec's figure) is set. */
        public boolean has(int octet, int bit) {
            int i = octet - 5;
            return i >= 0 && i < octets.length && (octets[i] >> (bit - 1) & 1) != 0;
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

        static UpFunctionFeatures read(Octets v) {
            return new UpFunctionFeatures(v.rest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UpFunctionFeatures f && Bits.same(f.octets, octets);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "UpFunctionFeatures[" + HexFormat.of().formatHex(octets) + "]";
        }
    }

    /** TS 29.244 8.2.58: CP Function Features (type 89): feature octets as sent (Table 8.2.58-1). */
    record CpFunctionFeatures(byte[] octets) implements NodeIe {
        public static final int TYPE = 89;

        public CpFunctionFeatures {
            octets = Bits.copy(octets, 0xFFFF, "CP function features");
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

        static CpFunctionFeatures read(Octets v) {
            return new CpFunctionFeatures(v.rest());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CpFunctionFeatures f && Bits.same(f.octets, octets);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "CpFunctionFeatures[" + HexFormat.of().formatHex(octets) + "]";
        }
    }

}
