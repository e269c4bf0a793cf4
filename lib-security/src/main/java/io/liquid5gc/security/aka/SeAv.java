package io.liquid5gc.security.aka;

import io.liquid5gc.security.Hex;

/** The serving environment vector the AUSF gives the SEAF/AMF (TS 33.501 6.1.3.2.0 step 5): RAND, AUTN, HXRES*. */
public record SeAv(byte[] rand, byte[] autn, byte[] hxresStar) {
    @Override
    public String toString() {
        return "SeAv[rand=" + Hex.encode(rand) + ", autn=" + Hex.encode(autn) + ", hxresStar=" + Hex.encode(hxresStar) + "]";
    }
}
