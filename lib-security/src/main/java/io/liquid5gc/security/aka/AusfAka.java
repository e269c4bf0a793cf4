package io.liquid5gc.security.aka;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.ServingNetworkName;

/** AUSF side of 5G AKA (TS 33.501 6.1.3.2.0 steps 4-5 and 11). Stateless and thread-safe. */
public final class AusfAka {
    private AusfAka() {
    }

    /** The SE AV for the SEAF: RAND, AUTN and HXRES* = A.5(RAND, XRES*). XRES* and KAUSF stay in the AUSF. */
    public static SeAv toSeAv(HeAv heAv) {
        return new SeAv(heAv.rand(), heAv.autn(), KeyHierarchy.hresStar(heAv.rand(), heAv.xresStar()));
    }

    /** Step 11: RES* from the UE equals the stored XRES* (constant-time). */
    public static boolean confirm(byte[] resStar, byte[] xresStar) {
        return resStar != null && Bytes.constantTimeEquals(resStar, xresStar);
    }

    /** KSEAF for the SEAF after a successful confirmation (A.6). */
    public static byte[] kseaf(byte[] kausf, ServingNetworkName snn) {
        return KeyHierarchy.kseaf(kausf, snn);
    }
}
