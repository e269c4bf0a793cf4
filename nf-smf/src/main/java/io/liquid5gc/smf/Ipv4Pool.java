package io.liquid5gc.smf;

/**
 * An IPv4 pool from a CIDR: offsets 0..size-1 map to the hosts from network+2 (network+1 is the gateway) up to
 * broadcast-1.
 */
record Ipv4Pool(String dnn, String cidr, int network, int prefix) {

    static Ipv4Pool parse(String dnn, String cidr) {
        String[] parts = cidr == null ? new String[0] : cidr.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("liquid5gc.smf.pools." + dnn + " must be a CIDR such as 10.45.0.0/16: " + cidr);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("liquid5gc.smf.pools." + dnn + ": bad prefix length in " + cidr);
        }
        if (prefix < 8 || prefix > 29) {
            throw new IllegalArgumentException("liquid5gc.smf.pools." + dnn + ": prefix must be /8../29: " + cidr);
        }
        int address = toInt(parts[0]);
        int mask = (int) (0xFFFF_FFFFL << (32 - prefix));
        return new Ipv4Pool(dnn, cidr.trim(), address & mask, prefix);
    }

    /** Number of addresses given out. */
    long size() {
        return (1L << (32 - prefix)) - 3;
    }

    String addressAt(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IllegalArgumentException("offset " + offset + " outside pool " + cidr);
        }
        return toText(network + 2 + (int) offset);
    }

    static int toInt(String dotted) {
        String[] p = dotted == null ? new String[0] : dotted.trim().split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int v = 0;
        for (String octet : p) {
            int o;
            try {
                o = Integer.parseInt(octet);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            v = (v << 8) | o;
        }
        return v;
    }

    static String toText(int v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
