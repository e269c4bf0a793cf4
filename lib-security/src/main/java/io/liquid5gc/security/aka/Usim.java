package io.liquid5gc.security.aka;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Milenage;
import io.liquid5gc.security.milenage.MilenageResult;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.UsimSqnState;

/**
 * A simulated USIM + ME for 5G AKA (TS 33.102 6.3.3, TS 33.501 6.1.3.2.0 step 7): verifies AUTN (MAC-A,
 * separation bit, SQN freshness), and answers with RES* and KAUSF, or AUTS on a synchronisation failure.
 * Holds the USIM's SQN array: mutable, not thread-safe (one per simulated UE).
 */
public final class Usim {
    private final byte[] k;
    private final byte[] opc;
    private final UsimSqnState sqnState;

    public Usim(byte[] k, byte[] opc, UsimSqnState sqnState) {
        this.k = Bytes.requireLength(k, 16, "K").clone();
        this.opc = Bytes.requireLength(opc, 16, "OPc").clone();
        this.sqnState = sqnState;
    }

    public UsimSqnState sqnState() {
        return sqnState;
    }

    public UeAuthResult authenticate(byte[] rand, byte[] autnBytes, ServingNetworkName snn) {
        Autn autn = Autn.parse(autnBytes);
        Milenage m = Milenage.withOpc(k, opc);
        MilenageResult r = m.f2345(rand);
        byte[] sqnBytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            sqnBytes[i] = (byte) (autn.sqnXorAk()[i] ^ r.ak()[i]);
        }
        byte[] xmac = m.f1(rand, sqnBytes, autn.amf());
        if (!Bytes.constantTimeEquals(xmac, autn.mac())) {
            return new UeAuthResult.MacFailure();
        }
        if (!autn.separationBit()) {
            return new UeAuthResult.Non5gAuthUnacceptable();
        }
        Sqn sqn = Sqn.fromBytes(sqnBytes);
        if (!sqnState.isFresh(sqn)) {
            return new UeAuthResult.SynchFailure(auts(m, rand));
        }
        sqnState.accept(sqn);
        byte[] resStar = KeyHierarchy.resStar(r.ck(), r.ik(), snn, rand, r.res());
        byte[] kausf = KeyHierarchy.kausf(r.ck(), r.ik(), snn, autn.sqnXorAk());
        return new UeAuthResult.Success(resStar, r.res(), r.ck(), r.ik(), kausf);
    }

    /** AUTS = (SQN_MS xor AK*) || MAC-S with MAC-S = f1*(SQN_MS, RAND, AMF = 0000) (TS 33.102 6.3.3). */
    private byte[] auts(Milenage m, byte[] rand) {
        byte[] sqnMs = sqnState.sqnMs().toBytes();
        byte[] akStar = m.f5Star(rand);
        byte[] macS = m.f1Star(rand, sqnMs, HomeNetworkAka.AMF_RESYNC);
        byte[] auts = new byte[14];
        for (int i = 0; i < 6; i++) {
            auts[i] = (byte) (sqnMs[i] ^ akStar[i]);
        }
        System.arraycopy(macS, 0, auts, 6, 8);
        return auts;
    }

    @Override
    public String toString() {
        return "Usim[redacted]";
    }
}
