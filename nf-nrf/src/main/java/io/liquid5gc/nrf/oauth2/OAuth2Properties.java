package io.liquid5gc.nrf.oauth2;

import io.liquid5gc.sbi.security.ConsumerType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The NRF's authorization server (TS 33.501 13.4.1, TS 29.510 5.4), {@code liquid5gc.nrf.oauth2.*}.
 *
 * @param signingJwks   the signing keys as a JWK set JSON with private parts (EC P-256, each with a {@code kid}): the
 *                      first signs, all are published in {@code /oauth2/jwks} so tokens signed before a rotation stay
 *                      valid until they expire. From a Secret: {@code LIQUID5GC_NRF_OAUTH2_SIGNINGJWKS}. Absent: a
 *                      key is generated at start (one NRF replica only; logged as a WARN)
 * @param tokenLifetime {@code expires_in} of the tokens issued
 * @param clients       the NF instances that may ask for tokens, each with its client secret
 */
@ConfigurationProperties("liquid5gc.nrf.oauth2")
public record OAuth2Properties(String signingJwks, @DefaultValue("1h") Duration tokenLifetime, List<Client> clients) {

    /** The declared defaults: what binding no {@code liquid5gc.nrf.oauth2.*} property gives (a generated signing key). */
    public static OAuth2Properties defaults() {
        return new Binder().bindOrCreate("liquid5gc.nrf.oauth2", OAuth2Properties.class);
    }

    public OAuth2Properties {
        // signingJwks null: not configured, a key pair is generated at start
        Objects.requireNonNull(tokenLifetime, "liquid5gc.nrf.oauth2.token-lifetime");
        clients = clients == null ? List.of() : List.copyOf(clients);
        if (tokenLifetime.toSeconds() < 10) {
            throw new IllegalArgumentException("liquid5gc.nrf.oauth2.token-lifetime must be at least 10 s");
        }
    }

    /**
     * One NF instance's credentials.
     *
     * @param nfInstanceId the instance (client id)
     * @param nfTypes      the consumer types it may ask tokens as (one process can host several NFs)
     * @param secret       its client secret, stored as Spring Security's password encoders read it:
     *                     {@code {bcrypt}...}, {@code {pbkdf2}...}, or {@code {noop}plain} (from a Secret)
     */
    public record Client(String nfInstanceId, Set<ConsumerType> nfTypes, String secret) {
        public Client {
            nfTypes = nfTypes == null ? Set.of() : Set.copyOf(nfTypes);
        }

        @Override
        public String toString() {
            return "Client[" + nfInstanceId + " " + nfTypes + "]";
        }
    }

    @Override
    public String toString() {
        return "OAuth2Properties[signingJwks=" + (signingJwks == null ? "generated" : "****") + ", tokenLifetime=" + tokenLifetime
                + ", clients=" + clients + "]";
    }
}
