package io.liquid5gc.sctp.udp;

/** Serial number arithmetic on 32-bit TSNs and 16-bit SSNs (RFC 9260 1.6, RFC 1982). */
final class Tsn {
    private Tsn() {
    }

    static boolean lt(int a, int b) {
        return a - b < 0;
    }

    static boolean le(int a, int b) {
        return a - b <= 0;
    }

    static boolean gt(int a, int b) {
        return a - b > 0;
    }

    static boolean ge(int a, int b) {
        return a - b >= 0;
    }
}
