package io.liquid5gc.security.suci;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Home network (UDM/SIDF) SUCI deconcealment (TS 33.501 6.12.2, C.3.3): holds the configured home network
 * private keys by (scheme, key id). Immutable and thread-safe.
 */
public final class SuciDeconcealer {
    private final Map<Integer, HomeNetworkKey> keys = new HashMap<>();

    public SuciDeconcealer(Collection<HomeNetworkKey> keys) {
        for (HomeNetworkKey k : keys) {
            if (this.keys.put(index(k.scheme().code(), k.keyId()), k) != null) {
                throw new IllegalArgumentException("duplicate key id " + k.keyId() + " for " + k.scheme());
            }
        }
    }

    private static int index(int schemeId, int keyId) {
        return schemeId << 8 | keyId;
    }

    /** Deconceals a SUCI into its SUPI, or says why not. Never throws for bad input. */
    public DeconcealResult deconceal(Suci suci) {
        if (suci.supiType() != 0) {
            return new SuciError.UnsupportedSupiType(suci.supiType());
        }
        SuciScheme scheme = suci.scheme();
        if (scheme == null) {
            return new SuciError.UnsupportedScheme(suci.schemeId());
        }
        byte[] msinBcd;
        if (scheme == SuciScheme.NULL) {
            msinBcd = suci.schemeOutput();
        } else {
            HomeNetworkKey key = keys.get(index(scheme.code(), suci.hnKeyId()));
            if (key == null) {
                return new SuciError.UnknownKeyId(suci.hnKeyId(), suci.schemeId());
            }
            Object r = Ecies.decrypt(scheme, key.privateKey(), suci.schemeOutput());
            if (r instanceof SuciError e) {
                return e;
            }
            msinBcd = (byte[]) r;
        }
        String msin = Bcd.decode(msinBcd);
        if (msin == null || msin.isEmpty()) {
            return new SuciError.Malformed("MSIN is not BCD");
        }
        int imsiLength = suci.mcc().length() + suci.mnc().length() + msin.length();
        if (imsiLength > 15) {
            return new SuciError.WrongLength("IMSI of " + imsiLength + " digits");
        }
        return new DeconcealResult.Deconcealed(Supi.imsi(suci.mcc(), suci.mnc(), msin));
    }

    /** As {@link #deconceal(Suci)}, with errors thrown as {@link SuciException}. */
    public Supi deconcealOrThrow(Suci suci) throws SuciException {
        return switch (deconceal(suci)) {
            case DeconcealResult.Deconcealed d -> d.supi();
            case SuciError e -> throw new SuciException(e);
        };
    }
}
