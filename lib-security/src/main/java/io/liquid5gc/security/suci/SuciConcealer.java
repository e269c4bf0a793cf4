package io.liquid5gc.security.suci;

import java.security.SecureRandom;

/**
 * UE-side SUCI calculation (TS 33.501 6.12.2, C.3.2) for the RAN simulator: conceals the MSIN of an IMSI-based
 * SUPI with the home network public key. Stateless and thread-safe.
 */
public final class SuciConcealer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SuciConcealer() {
    }

    /**
     * Conceals an IMSI SUPI with a fresh ephemeral key.
     *
     * @param mncLength    2 or 3, the number of MNC digits in the IMSI
     * @param hnPublicKey  32 octets (Profile A) or 33/65 octets (Profile B); ignored for the null scheme
     */
    public static Suci conceal(Supi supi, int mncLength, String routingIndicator, SuciScheme scheme, int hnKeyId,
                               byte[] hnPublicKey) {
        byte[] eph = null;
        if (scheme != SuciScheme.NULL) {
            eph = newEphemeralPrivateKey(scheme);
        }
        return conceal(supi, mncLength, routingIndicator, scheme, hnKeyId, hnPublicKey, eph);
    }

    /** As above with a given ephemeral private key (tests with the TS 33.501 C.4 vectors). */
    public static Suci conceal(Supi supi, int mncLength, String routingIndicator, SuciScheme scheme, int hnKeyId,
                               byte[] hnPublicKey, byte[] ephemeralPrivateKey) {
        if (supi.type() != Supi.Type.IMSI) {
            throw new IllegalArgumentException("only IMSI-based SUPIs are supported");
        }
        String imsi = supi.value();
        String mcc = imsi.substring(0, 3);
        String mnc = imsi.substring(3, 3 + mncLength);
        byte[] msin = Bcd.encode(imsi.substring(3 + mncLength));
        byte[] output = scheme == SuciScheme.NULL ? msin
            : Ecies.encrypt(scheme, hnPublicKey, ephemeralPrivateKey, msin);
        return new Suci(0, mcc, mnc, routingIndicator, scheme.code(), scheme == SuciScheme.NULL ? 0 : hnKeyId, output);
    }

    /** A fresh private key for the scheme (Profile A: clamped X25519 scalar; Profile B: 1 <= d < n). */
    public static byte[] newEphemeralPrivateKey(SuciScheme scheme) {
        byte[] k = new byte[32];
        switch (scheme) {
            case PROFILE_A -> X25519Keys.generate(RANDOM, k);
            case PROFILE_B -> {
                do {
                    RANDOM.nextBytes(k);
                } while (!validP256(k));
            }
            case NULL -> throw new IllegalArgumentException("the null scheme has no key");
        }
        return k;
    }

    private static boolean validP256(byte[] k) {
        try {
            Ecies.p256Scalar(k);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Keeps the Bouncy Castle import in one place. */
    private static final class X25519Keys {
        static void generate(SecureRandom r, byte[] k) {
            org.bouncycastle.math.ec.rfc7748.X25519.generatePrivateKey(r, k);
        }
    }
}
