package io.liquid5gc.udm;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.suci.HomeNetworkKey;
import io.liquid5gc.security.suci.SuciScheme;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * UDM settings ({@code liquid5gc.udm.*}).
 *
 * @param homeNetworkKeys the home network private keys of the SIDF for SUCI deconcealment (TS 33.501 6.12.2), by
 *                        home network public key identifier and protection scheme; the null scheme needs none
 * @param sqnAttempts     how many times an authentication retries the SQN compare-and-set when other
 *                        authentications of the same subscriber get in between
 * @param amDataPrefetch  how long the AM data read with an authentication's subscription (one UDR query) is kept for
 *                        the SDM Get of the same registration ({@code AmDataPrefetch}); 0 reads the UDR again
 */
@ConfigurationProperties("liquid5gc.udm")
public record UdmProperties(List<HomeNetworkKeyProperties> homeNetworkKeys, @DefaultValue("200") int sqnAttempts,
                            @DefaultValue("10s") Duration amDataPrefetch) {

    /** The declared defaults: what binding no {@code liquid5gc.udm.*} property gives (no home network key). */
    public static UdmProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.udm", UdmProperties.class);
    }

    public UdmProperties {
        homeNetworkKeys = homeNetworkKeys == null ? List.of() : List.copyOf(homeNetworkKeys);
        if (sqnAttempts < 1) {
            throw new IllegalArgumentException("liquid5gc.udm.sqn-attempts must be at least 1");
        }
        if (amDataPrefetch == null) {
            amDataPrefetch = Duration.ZERO;
        }
        if (amDataPrefetch.isNegative() || amDataPrefetch.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("liquid5gc.udm.am-data-prefetch must be 0 (off) to 1m, not " + amDataPrefetch);
        }
    }

    List<HomeNetworkKey> keys() {
        return homeNetworkKeys.stream().map(HomeNetworkKeyProperties::toKey).toList();
    }

    /**
     * One home network private key: {@code liquid5gc.udm.home-network-keys[0].id=1},
     * {@code .scheme=profile-a} (or {@code profile-b}; also {@code A}, {@code B}, {@code 1}, {@code 2}),
     * {@code .private-key=<64 hex digits>} (environment: {@code LIQUID5GC_UDM_HOMENETWORKKEYS_0_PRIVATEKEY}).
     * The private key is never shown by {@link #toString()} nor logged.
     */
    public record HomeNetworkKeyProperties(Integer id, String scheme, String privateKey) {

        HomeNetworkKey toKey() {
            String where = "liquid5gc.udm.home-network-keys (id " + id + ")";
            if (id == null || scheme == null || privateKey == null) {
                throw new IllegalArgumentException(where + ": id, scheme and private-key are required");
            }
            SuciScheme s = switch (scheme.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "a", "1", "profile-a" -> SuciScheme.PROFILE_A;
                case "b", "2", "profile-b" -> SuciScheme.PROFILE_B;
                default -> throw new IllegalArgumentException(where + ": scheme must be profile-a or profile-b, not " + scheme);
            };
            byte[] key;
            try {
                key = Hex.decode(privateKey.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": private-key must be 64 hex digits"); // no value in the message
            }
            try {
                return new HomeNetworkKey(id, s, key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": invalid private key for " + s + " (32 octets; Profile B: 1 <= d < n)");
            }
        }

        @Override
        public String toString() {
            return "HomeNetworkKey[id=" + id + ", scheme=" + scheme + ", privateKey=***]";
        }
    }
}
