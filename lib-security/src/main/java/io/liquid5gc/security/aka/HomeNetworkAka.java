package io.liquid5gc.security.aka;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Milenage;
import io.liquid5gc.security.milenage.MilenageResult;
import io.liquid5gc.security.milenage.Sqn;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * UDM/ARPF side of 5G AKA (TS 33.501 6.1.3.2): 5G HE AV generation with Milenage and the resynchronisation
 * check of AUTS (TS 33.102 6.3.5). Stateless and thread-safe; SQN_HE is the caller's (the UDR's) state.
 */
public final class HomeNetworkAka {
    /** AMF with the separation bit set, as required for 5G vectors (TS 33.501 6.1.3.2.0, TS 33.102 Annex H). */
    public static final byte[] AMF_5G = {(byte) 0x80, 0x00};
    /** AMF value assumed for MAC-S in AUTS (TS 33.102 6.3.3: "dummy value of all zeros"). */
    static final byte[] AMF_RESYNC = {0x00, 0x00};

    private static final SecureRandom RANDOM = new SecureRandom();

    private HomeNetworkAka() {
    }

    /** A fresh 128-bit RAND. */
    public static byte[] newRand() {
        byte[] rand = new byte[16];
        RANDOM.nextBytes(rand);
        return rand;
    }

    /** Generates a 5G HE AV with a fresh RAND (TS 33.501 6.1.3.2.0 step 2, A.2, A.4). */
    public static HeAv generateHeAv(byte[] k, byte[] opc, Sqn sqn, byte[] amf, ServingNetworkName snn) {
        return generateHeAv(k, opc, sqn, amf, snn, newRand());
    }

    /**
     * Generates a 5G HE AV for the given RAND: MAC-A = f1, (RES, CK, IK, AK) = f2..f5, AUTN = SQN xor AK || AMF ||
     * MAC-A, XRES* (A.4) and KAUSF (A.2).
     */
    public static HeAv generateHeAv(byte[] k, byte[] opc, Sqn sqn, byte[] amf, ServingNetworkName snn, byte[] rand) {
        Milenage m = Milenage.withOpc(k, opc);
        byte[] sqnBytes = sqn.toBytes();
        byte[] macA = m.f1(rand, sqnBytes, amf);
        MilenageResult r = m.f2345(rand);
        byte[] sqnXorAk = new byte[6];
        for (int i = 0; i < 6; i++) {
            sqnXorAk[i] = (byte) (sqnBytes[i] ^ r.ak()[i]);
        }
        byte[] autn = new Autn(sqnXorAk, amf.clone(), macA).toBytes();
        byte[] xresStar = KeyHierarchy.resStar(r.ck(), r.ik(), snn, rand, r.res());
        byte[] kausf = KeyHierarchy.kausf(r.ck(), r.ik(), snn, sqnXorAk);
        return new HeAv(rand.clone(), autn, xresStar, kausf);
    }

    /**
     * Verifies AUTS = (SQN_MS xor AK*) || MAC-S for the RAND of the failed challenge and recovers SQN_MS
     * (TS 33.102 6.3.5): AK* = f5*(RAND), MAC-S = f1*(SQN_MS, RAND, AMF = 0000). Empty if MAC-S is wrong.
     */
    public static Optional<Sqn> verifyAuts(byte[] k, byte[] opc, byte[] rand, byte[] auts) {
        Bytes.requireLength(auts, 14, "AUTS");
        Milenage m = Milenage.withOpc(k, opc);
        byte[] akStar = m.f5Star(rand);
        byte[] sqnMs = new byte[6];
        for (int i = 0; i < 6; i++) {
            sqnMs[i] = (byte) (auts[i] ^ akStar[i]);
        }
        byte[] xmacS = m.f1Star(rand, sqnMs, AMF_RESYNC);
        if (!Bytes.constantTimeEquals(xmacS, 0, auts, 6, 8)) {
            return Optional.empty();
        }
        return Optional.of(Sqn.fromBytes(sqnMs));
    }
}
