package io.liquid5gc.security.aka;

/**
 * The 5G home environment authentication vector (TS 33.501 6.1.3.2.0 step 2): RAND, AUTN, XRES*, KAUSF.
 * Produced by the UDM/ARPF, consumed by the AUSF; XRES* and KAUSF never leave the AUSF. The SQN used is
 * returned alongside so that the UDM can persist it. {@link #toString()} shows no secret.
 */
public record HeAv(byte[] rand, byte[] autn, byte[] xresStar, byte[] kausf) {
    @Override
    public String toString() {
        return "HeAv[rand=" + io.liquid5gc.security.Hex.encode(rand) + ", autn=" + io.liquid5gc.security.Hex.encode(autn)
            + ", xresStar=<redacted>, kausf=<redacted>]";
    }
}
