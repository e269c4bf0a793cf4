package io.liquid5gc.security.aka;

import io.liquid5gc.security.Hex;

/**
 * The 5G home environment authentication vector (TS 33.501 6.1.3.2.0 step 2): RAND, AUTN, XRES*, KAUSF.
 * Produced by the UDM/ARPF, consumed by the AUSF; XRES* and KAUSF never leave the AUSF. The UDM persists the
 * SQN it passed in (see {@link io.liquid5gc.security.milenage.SqnManager}). {@link #toString()} shows no secret.
 */
public record HeAv(byte[] rand, byte[] autn, byte[] xresStar, byte[] kausf) {
    @Override
    public String toString() {
        return "HeAv[rand=" + Hex.encode(rand) + ", autn=" + Hex.encode(autn)
            + ", xresStar=<redacted>, kausf=<redacted>]";
    }
}
