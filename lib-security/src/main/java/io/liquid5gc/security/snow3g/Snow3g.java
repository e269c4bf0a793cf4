package io.liquid5gc.security.snow3g;

/**
 * The SNOW 3G keystream generator, written from the specification (ETSI/SAGE "Specification of the 3GPP
 * Confidentiality and Integrity Algorithms UEA2 &amp; UIA2, Document 2: SNOW 3G Specification", the algorithm
 * of TS 35.216): a 16-stage LFSR of 32-bit words over GF(2^32) and a finite state machine of three registers
 * R1, R2, R3 with the S-boxes S1 (AES S-box and MixColumn) and S2 (the Dickson S-box SQ).
 *
 * <p>Single-use and not thread-safe: initialise with a key and IV, then draw 32-bit keystream words.
 */
public final class Snow3g {
    // S1 and S2 as four lookup tables each, indexed by the input byte w0 (most significant) .. w3.
    private static final int[] S1_T0 = new int[256];
    private static final int[] S1_T1 = new int[256];
    private static final int[] S1_T2 = new int[256];
    private static final int[] S1_T3 = new int[256];
    private static final int[] S2_T0 = new int[256];
    private static final int[] S2_T1 = new int[256];
    private static final int[] S2_T2 = new int[256];
    private static final int[] S2_T3 = new int[256];
    /** MUL_alpha and DIV_alpha (spec 3.4.2, 3.4.3) as tables of the byte argument. */
    private static final int[] MUL_ALPHA = new int[256];
    private static final int[] DIV_ALPHA = new int[256];

    static {
        int[] sr = aesSbox();
        int[] sq = dicksonSbox();
        for (int x = 0; x < 256; x++) {
            fillMix(S1_T0, S1_T1, S1_T2, S1_T3, x, sr[x], 0x1B);
            fillMix(S2_T0, S2_T1, S2_T2, S2_T3, x, sq[x], 0x69);
            MUL_ALPHA[x] = mulxPow(x, 23, 0xA9) << 24 | mulxPow(x, 245, 0xA9) << 16
                | mulxPow(x, 48, 0xA9) << 8 | mulxPow(x, 239, 0xA9);
            DIV_ALPHA[x] = mulxPow(x, 16, 0xA9) << 24 | mulxPow(x, 39, 0xA9) << 16
                | mulxPow(x, 6, 0xA9) << 8 | mulxPow(x, 64, 0xA9);
        }
    }

    private final int[] s = new int[16];
    private int r1;
    private int r2;
    private int r3;

    /**
     * Initialises with the key k0..k3 and IV iv0..iv3 as 32-bit words (spec 4.1). For a 128-bit key given as
     * octets K[0..15], k3 is the first (most significant) word: see {@link #init(byte[], int, int, int, int)}.
     */
    public void init(int k0, int k1, int k2, int k3, int iv0, int iv1, int iv2, int iv3) {
        s[15] = k3 ^ iv0;
        s[14] = k2;
        s[13] = k1;
        s[12] = k0 ^ iv1;
        s[11] = ~k3;
        s[10] = ~k2 ^ iv2;
        s[9] = ~k1 ^ iv3;
        s[8] = ~k0;
        s[7] = k3;
        s[6] = k2;
        s[5] = k1;
        s[4] = k0;
        s[3] = ~k3;
        s[2] = ~k2;
        s[1] = ~k1;
        s[0] = ~k0;
        r1 = 0;
        r2 = 0;
        r3 = 0;
        // Initialisation mode: 32 clocks with the FSM output fed back into the LFSR.
        for (int i = 0; i < 32; i++) {
            int f = clockFsm();
            clockLfsr(f);
        }
        // One clock in keystream mode with the output discarded.
        clockFsm();
        clockLfsr(0);
    }

    /** Initialises with a 16-octet key (k3 = K[0..3], ..., k0 = K[12..15], as UEA2/UIA2 define it) and IV words. */
    public void init(byte[] key, int iv0, int iv1, int iv2, int iv3) {
        init(word(key, 12), word(key, 8), word(key, 4), word(key, 0), iv0, iv1, iv2, iv3);
    }

    /** The next keystream word z_t = F xor s0 (spec 4.2). */
    public int next() {
        int f = clockFsm();
        int z = f ^ s[0];
        clockLfsr(0);
        return z;
    }

    private int clockFsm() {
        int f = (s[15] + r1) ^ r2;
        int r = r2 + (r3 ^ s[5]);
        r3 = s2(r2);
        r2 = s1(r1);
        r1 = r;
        return f;
    }

    /** LFSR clock: v = (s0 &lt;&lt; 8) xor MUL_alpha(s0,0) xor s2 xor (s11 &gt;&gt; 8) xor DIV_alpha(s11,3) xor f. */
    private void clockLfsr(int f) {
        int s0 = s[0];
        int s11 = s[11];
        int v = (s0 << 8) ^ MUL_ALPHA[s0 >>> 24] ^ s[2] ^ (s11 >>> 8) ^ DIV_ALPHA[s11 & 0xff] ^ f;
        System.arraycopy(s, 1, s, 0, 15);
        s[15] = v;
    }

    private static int s1(int w) {
        return S1_T0[w >>> 24] ^ S1_T1[(w >>> 16) & 0xff] ^ S1_T2[(w >>> 8) & 0xff] ^ S1_T3[w & 0xff];
    }

    private static int s2(int w) {
        return S2_T0[w >>> 24] ^ S2_T1[(w >>> 16) & 0xff] ^ S2_T2[(w >>> 8) & 0xff] ^ S2_T3[w & 0xff];
    }

    /**
     * S-box columns (spec 3.3.1/3.3.2): with b = SBOX(w_i), r0 = 2b0 + b1 + b2 + 3b3, r1 = 3b0 + 2b1 + b2 + b3,
     * r2 = b0 + 3b1 + 2b2 + b3, r3 = b0 + b1 + 3b2 + 2b3, where 2b = MULx(b, poly) and 3b = 2b xor b.
     */
    private static void fillMix(int[] t0, int[] t1, int[] t2, int[] t3, int x, int b, int poly) {
        int b2 = mulx(b, poly);
        int b3 = b2 ^ b;
        t0[x] = b2 << 24 | b3 << 16 | b << 8 | b;
        t1[x] = b << 24 | b2 << 16 | b3 << 8 | b;
        t2[x] = b << 24 | b << 16 | b2 << 8 | b3;
        t3[x] = b3 << 24 | b << 16 | b << 8 | b2;
    }

    /** MULx(V, c) (spec 3.1.1): V &lt;&lt; 1, reduced by c when the top bit of V is set. */
    static int mulx(int v, int c) {
        return (v & 0x80) != 0 ? ((v << 1) ^ c) & 0xff : (v << 1) & 0xff;
    }

    /** MULxPOW(V, i, c) (spec 3.1.2). */
    static int mulxPow(int v, int i, int c) {
        for (int k = 0; k < i; k++) {
            v = mulx(v, c);
        }
        return v;
    }

    /** The AES S-box SR: multiplicative inverse in GF(2^8) mod x^8+x^4+x^3+x+1, then the affine map. */
    private static int[] aesSbox() {
        int[] sbox = new int[256];
        for (int x = 0; x < 256; x++) {
            int inv = x == 0 ? 0 : gfInverse(x, 0x11B);
            int y = inv;
            int r = inv;
            for (int i = 0; i < 4; i++) {
                r = ((r << 1) | (r >>> 7)) & 0xff;
                y ^= r;
            }
            sbox[x] = y ^ 0x63;
        }
        return sbox;
    }

    /**
     * SQ (spec 3.3.2): SQ(x) = g49(x) xor 0x25 with the Dickson polynomial
     * g49(x) = x + x^9 + x^13 + x^15 + x^33 + x^41 + x^45 + x^47 + x^49 over GF(2^8) mod x^8+x^6+x^5+x^3+1.
     */
    private static int[] dicksonSbox() {
        int[] exps = {1, 9, 13, 15, 33, 41, 45, 47, 49};
        int[] sbox = new int[256];
        for (int x = 0; x < 256; x++) {
            int g = 0;
            for (int e : exps) {
                g ^= gfPow(x, e, 0x169);
            }
            sbox[x] = g ^ 0x25;
        }
        return sbox;
    }

    private static int gfMul(int a, int b, int poly) {
        int r = 0;
        while (b != 0) {
            if ((b & 1) != 0) {
                r ^= a;
            }
            a <<= 1;
            if ((a & 0x100) != 0) {
                a ^= poly;
            }
            b >>>= 1;
        }
        return r;
    }

    private static int gfPow(int x, int e, int poly) {
        int r = 1;
        for (int i = 0; i < e; i++) {
            r = gfMul(r, x, poly);
        }
        return r;
    }

    private static int gfInverse(int x, int poly) {
        return gfPow(x, 254, poly);
    }

    static int word(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }
}
