package io.liquid5gc.security.aka;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.kdf.KeyHierarchy;

/** SEAF/AMF side of 5G AKA (TS 33.501 6.1.3.2.0 step 10). Stateless and thread-safe. */
public final class SeafAka {
    private SeafAka() {
    }

    /** Computes HRES* from RES* (A.5) and compares it with HXRES* in constant time. */
    public static boolean checkHresStar(byte[] rand, byte[] resStar, byte[] hxresStar) {
        if (resStar == null || resStar.length != 16) {
            return false;
        }
        return Bytes.constantTimeEquals(KeyHierarchy.hresStar(rand, resStar), hxresStar);
    }
}
