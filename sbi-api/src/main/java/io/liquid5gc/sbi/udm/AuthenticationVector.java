package io.liquid5gc.sbi.udm;

/**
 * Av5GHeAka (TS 29.503 6.3.6.2.5), the 5G HE AV: avType {@code 5G_HE_AKA}, RAND, XRES*, AUTN, KAUSF, lower-case hex.
 * XRES* and KAUSF go to the AUSF only and never further (TS 33.501 6.1.3.2.0): {@link #toString()} hides them.
 */
public record AuthenticationVector(String avType, String rand, String xresStar, String autn, String kausf) {

    public static final String AV_5G_HE_AKA = "5G_HE_AKA";

    @Override
    public String toString() {
        return "AuthenticationVector[avType=" + avType + ", rand=" + rand + ", autn=" + autn + ", xresStar=***, kausf=***]";
    }
}
