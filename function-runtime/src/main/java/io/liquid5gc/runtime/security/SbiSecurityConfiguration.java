package io.liquid5gc.runtime.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.PlacementProperties;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.ConsumerType;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * SBI security beans (TS 33.501 13): the consumer's credentials for the placement client and the producer's caller
 * authentication for the function endpoint, from {@link SecurityProperties}. The NRF's keys and tokens come from
 * the NRF in this process when there is one ({@link AccessTokenIssuer}), else from its endpoints
 * ({@code /oauth2/token}, {@code /oauth2/jwks}) at {@code liquid5gc.nf.nrf.url} or the URIs configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SbiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SbiSecurityConfiguration.class);

    /** This NF's TLS context for calls to other NFs and the NRF (its certificate, the CA it trusts), when mTLS is on. */
    static javax.net.ssl.SSLContext clientTls(SecurityProperties security, ObjectProvider<org.springframework.boot.ssl.SslBundles> bundles) {
        if (!security.mtls().enabled()) {
            return null;
        }
        org.springframework.boot.ssl.SslBundles all = bundles.getIfAvailable();
        if (all == null) {
            throw new IllegalStateException("liquid5gc.security.mtls.enabled=true but no SSL bundles (spring.ssl.bundle.pem."
                    + security.mtls().bundle() + ".*)");
        }
        return all.getBundle(security.mtls().bundle()).createSslContext();
    }

    @Bean
    ConsumerCredentials consumerCredentials(SecurityProperties security, PlacementProperties placement, FunctionDispatcher dispatcher,
                                            ObjectProvider<AccessTokenIssuer> issuer, ObjectProvider<ObjectMapper> json, Clock clock,
                                            ObjectProvider<org.springframework.boot.ssl.SslBundles> bundles) {
        javax.net.ssl.SSLContext tls = clientTls(security, bundles);
        if (!security.enabled()) {
            log.warn("SBI SECURITY IS OFF (liquid5gc.security.enabled=false): calls to other NFs carry no access token and this "
                    + "process's function endpoint serves anyone who can reach it. For a lab only (TS 33.501 13).");
            return tls == null ? ConsumerCredentials.NONE : new ConsumerCredentials(null, () -> null, tls);
        }
        TokenSource source = tokenSource(security, placement, issuer, json.getIfAvailable(JsonMapper::new), tls);
        AccessTokens tokens = new AccessTokens(source, security.nfInstanceId(), security.refreshBefore(), clock);
        return new ConsumerCredentials(tokens, () -> security.nfType() != null ? security.nfType()
                : dispatcher.deployed().stream().findFirst()
                        .map(f -> ConsumerType.of(Functions.byName(f).orElseThrow().nf())).orElse(null), tls);
    }

    @Bean
    CallerAuthentication callerAuthentication(SecurityProperties security, PlacementProperties placement,
                                              ObjectProvider<AccessTokenIssuer> issuer, Environment env, Clock clock,
                                              ObjectProvider<org.springframework.boot.ssl.SslBundles> bundles) {
        if (!security.enabled()) {
            return CallerAuthentication.NONE;
        }
        if (security.trustLoopback() && boundToLoopback(env.getProperty("server.address"))) {
            log.info("function endpoint bound to loopback {} and liquid5gc.security.trust-loopback=true: served without tokens; "
                    + "set server.address to expose it and it enforces tokens", env.getProperty("server.address"));
            return CallerAuthentication.NONE;
        }
        return CallerAuthentication.of(new AccessTokenVerifier(keySource(security, placement, issuer, clientTls(security, bundles)),
                security.issuer(), security.nfInstanceId(), security.clockSkew(), clock), security.mtls().enabled());
    }

    private static TokenSource tokenSource(SecurityProperties security, PlacementProperties placement,
                                           ObjectProvider<AccessTokenIssuer> issuer, ObjectMapper json, javax.net.ssl.SSLContext tls) {
        AccessTokenIssuer local = localIssuer(placement, issuer);
        if (local != null && security.tokenUri() == null) {
            return local::issue;
        }
        URI uri = security.tokenUri() != null ? security.tokenUri() : nrfEndpoint(placement, "oauth2/token");
        if (uri == null) {
            return request -> {
                throw AccessTokenRefused.of(400, "invalid_request", "no NRF token endpoint: set liquid5gc.security.token-uri "
                        + "or liquid5gc.nf.nrf.url");
            };
        }
        if (security.clientSecret() == null && tls == null) {
            log.warn("liquid5gc.security.client-secret is not set: the NRF at {} will refuse this instance ({}) its tokens",
                    uri, security.nfInstanceId());
        }
        return new HttpTokenSource(uri, security.clientSecret(), () -> {
            HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER);
            if (tls != null) {
                b.sslContext(tls); // mTLS: the NRF authenticates this instance by its certificate
            }
            return b.build();
        }, json);
    }

    private static JWKSource<SecurityContext> keySource(SecurityProperties security, PlacementProperties placement,
                                                        ObjectProvider<AccessTokenIssuer> issuer, javax.net.ssl.SSLContext tls) {
        if (security.jwks() != null && !security.jwks().isBlank()) {
            try {
                JWKSet set = EcJwkSets.parse(security.jwks());
                if (set.getKeys().stream().anyMatch(k -> k.isPrivate())) {
                    throw new IllegalArgumentException("liquid5gc.security.jwks holds a private key: give producers the public JWK set only");
                }
                return new ImmutableJWKSet<>(set);
            } catch (ParseException e) {
                throw new IllegalArgumentException("liquid5gc.security.jwks is not a JWK set: " + e.getMessage(), e);
            }
        }
        AccessTokenIssuer local = localIssuer(placement, issuer);
        if (local != null && security.jwksUri() == null) {
            return (selector, context) -> selector.select(local.publicKeys());
        }
        URI uri = security.jwksUri() != null ? security.jwksUri() : nrfEndpoint(placement, "oauth2/jwks");
        if (uri == null) {
            log.warn("no NRF keys for verifying access tokens (set liquid5gc.security.jwks-uri, liquid5gc.security.jwks or "
                    + "liquid5gc.nf.nrf.url): every call to this process's functions will be refused");
            return (selector, context) -> {
                throw new KeySourceException("no JWK set configured (liquid5gc.security.jwks-uri)");
            };
        }
        try {
            // cached, refreshed ahead of expiry, and fetched again when a token names a kid not in the cached set
            com.nimbusds.jose.util.ResourceRetriever retriever = new com.nimbusds.jose.util.DefaultResourceRetriever(2000, 5000,
                    64 * 1024, true, tls == null ? null : tls.getSocketFactory());
            return JWKSourceBuilder.create(new JwksEndpoint(uri.toURL(), retriever)).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("liquid5gc.security.jwks-uri: " + e.getMessage(), e);
        }
    }

    /** The NRF's issuer in this process, when the NRF is placed here (a process calling a remote NRF uses that one). */
    private static AccessTokenIssuer localIssuer(PlacementProperties placement, ObjectProvider<AccessTokenIssuer> issuer) {
        return placement.of(NfType.NRF).placement() == io.liquid5gc.runtime.placement.Placement.LOCAL ? issuer.getIfAvailable() : null;
    }

    private static URI nrfEndpoint(PlacementProperties placement, String path) {
        URI nrf = placement.of(NfType.NRF).url();
        if (nrf == null) {
            return null;
        }
        String s = nrf.toString();
        return URI.create((s.endsWith("/") ? s : s + "/") + path);
    }

    static boolean boundToLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
