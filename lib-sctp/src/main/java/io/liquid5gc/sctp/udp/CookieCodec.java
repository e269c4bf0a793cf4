package io.liquid5gc.sctp.udp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies State Cookies with HMAC-SHA-256 under a per-endpoint random secret
 * (RFC 9260 5.1.3, 5.1.5). Fixed 49-byte body followed by the 32-byte MAC. I/O thread only.
 */
final class CookieCodec {
    static final int BODY = 49;
    static final int MAC = 32;
    static final int SIZE = BODY + MAC;
    private static final byte VERSION = 1;

    private final Mac mac;
    private final byte[] scratch = new byte[MAC];

    sealed interface Verified {
    }

    record Valid(StateCookie cookie) implements Verified {
    }

    record Stale(StateCookie cookie, long stalenessMicros) implements Verified {
    }

    record Invalid(String why) implements Verified {
    }

    CookieCodec(byte[] secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static CookieCodec withRandomSecret() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new CookieCodec(k);
    }

    byte[] sign(StateCookie c) {
        byte[] b = new byte[SIZE];
        int p = 0;
        b[p++] = VERSION;
        p = put64(b, p, c.createdMillis());
        p = put32(b, p, c.lifetimeMillis());
        p = put32(b, p, c.localTag());
        p = put32(b, p, c.peerTag());
        p = put32(b, p, c.localInitialTsn());
        p = put32(b, p, c.peerInitialTsn());
        p = put32(b, p, (int) c.peerRwnd());
        p = put16(b, p, c.outboundStreams());
        p = put16(b, p, c.inboundStreams());
        p = put16(b, p, c.peerPort());
        p = put16(b, p, c.localPort());
        p = put32(b, p, c.localTieTag());
        p = put32(b, p, c.peerTieTag());
        mac.update(b, 0, BODY);
        try {
            mac.doFinal(b, BODY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return b;
    }

    /** RFC 9260 5.1.5 steps 1-3: MAC first, then lifetime. */
    Verified verify(byte[] b, long nowMillis) {
        if (b.length != SIZE || b[0] != VERSION) {
            return new Invalid("size or version");
        }
        mac.update(b, 0, BODY);
        try {
            mac.doFinal(scratch, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!MessageDigest.isEqual(scratch, java.util.Arrays.copyOfRange(b, BODY, SIZE))) {
            return new Invalid("MAC mismatch");
        }
        int p = 1;
        long created = get64(b, p);
        p += 8;
        int life = get32(b, p);
        p += 4;
        StateCookie c = new StateCookie(created, life, get32(b, p), get32(b, p + 4), get32(b, p + 8),
                get32(b, p + 12), get32(b, p + 16) & 0xFFFFFFFFL, get16(b, p + 20), get16(b, p + 22), get16(b, p + 24),
                get16(b, p + 26), get32(b, p + 28), get32(b, p + 32));
        long age = nowMillis - created;
        if (age > (life & 0xFFFFFFFFL)) {
            return new Stale(c, (age - (life & 0xFFFFFFFFL)) * 1000);
        }
        return new Valid(c);
    }

    private static int put64(byte[] b, int p, long v) {
        p = put32(b, p, (int) (v >>> 32));
        return put32(b, p, (int) v);
    }

    private static int put32(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        return p + 4;
    }

    private static int put16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
        return p + 2;
    }

    private static long get64(byte[] b, int p) {
        return ((long) get32(b, p) << 32) | (get32(b, p + 4) & 0xFFFFFFFFL);
    }

    private static int get32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    private static int get16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }
}
