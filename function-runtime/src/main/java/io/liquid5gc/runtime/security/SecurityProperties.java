package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.security.ConsumerType;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SBI security of this process (TS 33.501 13), {@code liquid5gc.security.*} (environment
 * {@code LIQUID5GC_SECURITY_*}).
 *
 * @param enabled       true (default): the function endpoint serves only calls with a valid access token, and calls
 *                      to other NFs carry one; false is for a lab and is logged as a WARN at every start
 * @param issuer        the {@code iss} the NRF signs with and producers require (the NRF's instance id)
 * @param nfInstanceId  this process's NF instance id: the {@code sub} of its tokens, the client id it authenticates
 *                      with at the NRF, the instance id it registers (default: a random UUID per start)
 * @param nfType        the consumer type of calls made outside any function (e.g. {@code N2_PROXY} for the proxy);
 *                      default: the NF of the first function deployed here
 * @param clientSecret  the secret this instance authenticates with at the NRF's token endpoint (RFC 6749 2.3.1,
 *                      HTTP Basic with the instance id); from a Kubernetes Secret / {@code LIQUID5GC_SECURITY_CLIENTSECRET}
 * @param tokenUri      the NRF's token endpoint; default {@code <liquid5gc.nf.nrf.url>/oauth2/token}
 * @param jwksUri       where producers fetch the NRF's public keys; default {@code <liquid5gc.nf.nrf.url>/oauth2/jwks}
 * @param jwks          the NRF's public JWK set given as JSON instead of fetched (then {@code jwksUri} is not used)
 * @param clockSkew     tolerance on {@code exp}/{@code nbf}
 * @param refreshBefore a cached token is replaced this long before it expires
 * @param trustLoopback true: an endpoint bound to a loopback address only ({@code server.address}) serves without
 *                      tokens; exposed, it enforces. Default false: any local process could otherwise call every
 *                      function (a lab switch, named in the start-up WARN block)
 * @param mtls          mutual TLS between NFs (TS 33.501 13.1)
 */
@ConfigurationProperties("liquid5gc.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled, @DefaultValue(DEFAULT_ISSUER) String issuer,
                                 String nfInstanceId, ConsumerType nfType, String clientSecret, URI tokenUri, URI jwksUri,
                                 String jwks, @DefaultValue("30s") Duration clockSkew, @DefaultValue("60s") Duration refreshBefore,
                                 @DefaultValue("false") boolean trustLoopback, @DefaultValue Mtls mtls) {

    /**
     * Mutual TLS between NFs (TS 33.501 13.1, certificates per TS 33.310 6.1.3c: the NF instance id as the URI SAN
     * {@code urn:uuid:<nfInstanceId>}).
     *
     * @param enabled true: the server asks every client for a certificate of the bundle's trust
     *                ({@code server.ssl.bundle}, {@code server.ssl.client-auth=need} are defaulted from it), calls to
     *                other NFs and to the NRF present this NF's certificate, and a token's {@code sub} must be the
     *                instance the client certificate names
     * @param bundle  the Spring Boot SSL bundle ({@code spring.ssl.bundle.pem.<bundle>.keystore/truststore.*}) with this
     *                NF's certificate and key and the CA it trusts
     */
    public record Mtls(@DefaultValue("false") boolean enabled, @DefaultValue(DEFAULT_BUNDLE) String bundle) {
        public static final String DEFAULT_BUNDLE = "sbi";

        public Mtls {
            Objects.requireNonNull(bundle, "liquid5gc.security.mtls.bundle");
            bundle = bundle.isBlank() ? DEFAULT_BUNDLE : bundle; // as before: blank means the default
        }
    }

    public static final String DEFAULT_ISSUER = "liquid5gc-nrf";

    /** The declared defaults: what binding no {@code liquid5gc.security.*} property gives (with a fresh random instance id). */
    public static SecurityProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.security", SecurityProperties.class);
    }

    public SecurityProperties {
        Objects.requireNonNull(issuer, "liquid5gc.security.issuer");
        issuer = issuer.isBlank() ? DEFAULT_ISSUER : issuer; // as before: blank means the default
        // null means "not configured": this NF takes a random instance id at startup (not a declared default)
        nfInstanceId = nfInstanceId == null || nfInstanceId.isBlank() ? java.util.UUID.randomUUID().toString() : nfInstanceId;
        Objects.requireNonNull(clockSkew, "liquid5gc.security.clock-skew");
        Objects.requireNonNull(refreshBefore, "liquid5gc.security.refresh-before");
        Objects.requireNonNull(mtls, "liquid5gc.security.mtls");
    }

    @Override
    public String toString() {
        // never the secret
        return "SecurityProperties[enabled=" + enabled + ", issuer=" + issuer + ", nfInstanceId=" + nfInstanceId
                + ", nfType=" + nfType + ", clientSecret=" + (clientSecret == null ? "none" : "****") + ", tokenUri=" + tokenUri
                + ", jwksUri=" + jwksUri + ", mtls=" + mtls.enabled() + "]";
    }
}
