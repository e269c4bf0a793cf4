package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.Arrays;

/**
 * PDU address, TS 24.501 9.11.4.10: type (1 IPv4, 2 IPv6, 3 IPv4v6), the IPv4 address (4 octets)
 * and/or the IPv6 interface identifier (8 octets), and when SI6LLA is set the 16-octet IPv6
 * link-local address of the SMF. Absent parts are null.
 */
public record PduAddress(int type, byte[] ipv4, byte[] ipv6InterfaceId, byte[] smfIpv6LinkLocal) {

    public static PduAddress ipv4(byte[] addr) {
        return new PduAddress(1, addr, null, null);
    }

    public static PduAddress decode(NasReader r) throws NasDecodeException {
        int o = r.u8();
        boolean si6lla = (o & 0x08) != 0;
        int type = o & 0x07;
        byte[] v4 = null, iid = null, ll = null;
        switch (type) {
            case 1 -> v4 = r.bytes(4);
            case 2 -> iid = r.bytes(8);
            case 3 -> {
                iid = r.bytes(8);
                v4 = r.bytes(4);
            }
            default -> throw NasReader.invalid("PDU address type " + type);
        }
        if (si6lla) {
            ll = r.bytes(16);
        }
        return new PduAddress(type, v4, iid, ll);
    }

    public void encode(NasWriter w) {
        w.u8((smfIpv6LinkLocal != null ? 0x08 : 0) | type);
        if (ipv6InterfaceId != null) {
            w.bytes(ipv6InterfaceId);
        }
        if (ipv4 != null) {
            w.bytes(ipv4);
        }
        if (smfIpv6LinkLocal != null) {
            w.bytes(smfIpv6LinkLocal);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PduAddress p && p.type == type && Arrays.equals(p.ipv4, ipv4)
                && Arrays.equals(p.ipv6InterfaceId, ipv6InterfaceId) && Arrays.equals(p.smfIpv6LinkLocal, smfIpv6LinkLocal);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(ipv4) + Arrays.hashCode(ipv6InterfaceId);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PduAddress[type=").append(type);
        if (ipv4 != null) {
            sb.append(", ipv4=").append(ipv4[0] & 0xFF).append('.').append(ipv4[1] & 0xFF).append('.')
                    .append(ipv4[2] & 0xFF).append('.').append(ipv4[3] & 0xFF);
        }
        if (ipv6InterfaceId != null) {
            sb.append(", iid=").append(java.util.HexFormat.of().formatHex(ipv6InterfaceId));
        }
        return sb.append(']').toString();
    }
}
