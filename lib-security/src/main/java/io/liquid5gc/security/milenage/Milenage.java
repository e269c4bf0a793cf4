package io.liquid5gc.security.milenage;

import io.liquid5gc.security.Bytes;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The Milenage algorithm set f1, f1*, f2, f3, f4, f5, f5* (TS 35.205, TS 35.206 clause 4) with the default
 * constants r1..r5 = 64, 0, 32, 64, 96 and c1..c5 = 0, 1, 2, 4, 8 (TS 35.206 4.1).
 *
 * <p>An instance holds the AES-128 key schedule of one subscriber key K and the subscriber's OPc. It is
 * cheap to create (one key expansion) and is not thread-safe: create one per use, or per thread.
 */
public final class Milenage {
    public static final int KEY_LENGTH = 16;
    public static final int RAND_LENGTH = 16;
    public static final int SQN_LENGTH = 6;
    public static final int AMF_LENGTH = 2;

    private final BlockCipher aes;
    private final byte[] opc;
    /** Working buffers: an instance is single-threaded. */
    private final byte[] temp = new byte[16];
    private final byte[] in = new byte[16];
    private final byte[] out = new byte[16];

    private Milenage(byte[] k, byte[] opc) {
        Bytes.requireLength(k, KEY_LENGTH, "K");
        this.opc = Bytes.requireLength(opc, 16, "OPc").clone();
        this.aes = newAes(k);
    }

    /** Milenage for a subscriber whose OPc is stored (the usual case in the UDR). */
    public static Milenage withOpc(byte[] k, byte[] opc) {
        return new Milenage(k, opc);
    }

    /** Milenage for a subscriber provisioned with the operator's OP: OPc is computed (TS 35.206 4.1). */
    public static Milenage withOp(byte[] k, byte[] op) {
        return new Milenage(k, computeOpc(k, op));
    }

    /** OPc = OP xor E_K(OP) (TS 35.206 4.1). */
    public static byte[] computeOpc(byte[] k, byte[] op) {
        Bytes.requireLength(k, KEY_LENGTH, "K");
        Bytes.requireLength(op, 16, "OP");
        byte[] opc = new byte[16];
        newAes(k).processBlock(op, 0, opc, 0);
        for (int i = 0; i < 16; i++) {
            opc[i] ^= op[i];
        }
        return opc;
    }

    private static BlockCipher newAes(byte[] k) {
        BlockCipher aes = AESEngine.newInstance();
        aes.init(true, new KeyParameter(k));
        return aes;
    }

    /** A copy of OPc. */
    public byte[] opc() {
        return opc.clone();
    }

    /** f1: the network authentication code MAC-A (64 bits) (TS 35.206 4.1). */
    public byte[] f1(byte[] rand, byte[] sqn, byte[] amf) {
        byte[] mac = new byte[8];
        f1Both(rand, sqn, amf);
        System.arraycopy(out, 0, mac, 0, 8);
        return mac;
    }

    /** f1*: the resynchronisation authentication code MAC-S (64 bits) (TS 35.206 4.1). */
    public byte[] f1Star(byte[] rand, byte[] sqn, byte[] amf) {
        byte[] mac = new byte[8];
        f1Both(rand, sqn, amf);
        System.arraycopy(out, 8, mac, 0, 8);
        return mac;
    }

    /** OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1) xor c1) xor OPc; MAC-A = OUT1[0..63], MAC-S = OUT1[64..127]. */
    private void f1Both(byte[] rand, byte[] sqn, byte[] amf) {
        Bytes.requireLength(sqn, SQN_LENGTH, "SQN");
        Bytes.requireLength(amf, AMF_LENGTH, "AMF");
        temp(rand);
        // IN1 = SQN || AMF || SQN || AMF
        System.arraycopy(sqn, 0, in, 0, 6);
        System.arraycopy(amf, 0, in, 6, 2);
        System.arraycopy(sqn, 0, in, 8, 6);
        System.arraycopy(amf, 0, in, 14, 2);
        // TEMP xor rot(IN1 xor OPc, r1 = 64 bits) xor c1 (= 0)
        for (int i = 0; i < 16; i++) {
            out[(i + 8) & 15] = (byte) (in[i] ^ opc[i]);
        }
        for (int i = 0; i < 16; i++) {
            out[i] ^= temp[i];
        }
        aes.processBlock(out, 0, out, 0);
        for (int i = 0; i < 16; i++) {
            out[i] ^= opc[i];
        }
    }

    /** TEMP = E_K(RAND xor OPc). */
    private void temp(byte[] rand) {
        Bytes.requireLength(rand, RAND_LENGTH, "RAND");
        for (int i = 0; i < 16; i++) {
            in[i] = (byte) (rand[i] ^ opc[i]);
        }
        aes.processBlock(in, 0, temp, 0);
    }

    /**
     * OUTn = E_K(rot(TEMP xor OPc, r) xor c) xor OPc into {@link #out}; {@code rotBytes} = r/8, {@code c} is the
     * last byte of the constant cn (c2 = 1, c3 = 2, c4 = 4, c5 = 8).
     */
    private void outN(int rotBytes, int c) {
        for (int i = 0; i < 16; i++) {
            // rot(x, r)[i] = x[i + r/8 mod 16] (cyclic left rotation by r bits)
            int j = (i + rotBytes) & 15;
            in[i] = (byte) (temp[j] ^ opc[j]);
        }
        in[15] ^= (byte) c;
        aes.processBlock(in, 0, out, 0);
        for (int i = 0; i < 16; i++) {
            out[i] ^= opc[i];
        }
    }

    /**
     * f2, f3, f4 and f5 for one RAND: RES (64 bits), CK, IK, AK (TS 35.206 4.1).
     */
    public MilenageResult f2345(byte[] rand) {
        temp(rand);
        byte[] res = new byte[8];
        byte[] ak = new byte[6];
        outN(0, 1); // r2 = 0, c2 = 1
        System.arraycopy(out, 8, res, 0, 8);
        System.arraycopy(out, 0, ak, 0, 6);
        byte[] ck = new byte[16];
        outN(4, 2); // r3 = 32, c3 = 2
        System.arraycopy(out, 0, ck, 0, 16);
        byte[] ik = new byte[16];
        outN(8, 4); // r4 = 64, c4 = 4
        System.arraycopy(out, 0, ik, 0, 16);
        return new MilenageResult(res, ck, ik, ak);
    }

    /** f5: the anonymity key AK (48 bits). */
    public byte[] f5(byte[] rand) {
        temp(rand);
        outN(0, 1);
        byte[] ak = new byte[6];
        System.arraycopy(out, 0, ak, 0, 6);
        return ak;
    }

    /** f5*: the resynchronisation anonymity key AK* (48 bits), r5 = 96, c5 = 8. */
    public byte[] f5Star(byte[] rand) {
        temp(rand);
        outN(12, 8);
        byte[] ak = new byte[6];
        System.arraycopy(out, 0, ak, 0, 6);
        return ak;
    }
}
