package io.liquid5gc.runtime.operator;

import io.liquid5gc.runtime.app.PrivateFiles;
import io.liquid5gc.runtime.http.BindAddress;
import io.liquid5gc.runtime.safety.UnsafeSetting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who may use the operator APIs of this process, decided once at start: whether authentication is required (see
 * {@link OperatorProperties#auth()}), and the bearer token: configured, read from the token file, or generated into it.
 */
public final class OperatorAccess {

    private static final Logger log = LoggerFactory.getLogger(OperatorAccess.class);

    /** Where the token came from. */
    public enum TokenSource { CONFIGURED, FILE, GENERATED, NONE }

    private final boolean required;
    private final String bindAddress;
    private final OperatorProperties properties;
    private final byte[] bearer;
    private final TokenSource source;

    private OperatorAccess(boolean required, String bindAddress, OperatorProperties properties, String token, TokenSource source) {
        this.required = required;
        this.bindAddress = bindAddress;
        this.properties = properties;
        this.bearer = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.source = source;
    }

    /** Decides from the properties and {@code server.address}; may read or generate the token file. */
    public static OperatorAccess resolve(OperatorProperties p, Environment env) {
        String bind = BindAddress.of(env);
        String legacy = env.getProperty("liquid5gc.provisioning.token");
        String configured = p.token() != null ? p.token() : legacy == null || legacy.isBlank() ? null : legacy.strip();
        boolean required = switch (p.auth()) {
            case REQUIRED -> true;
            case DISABLED -> false;
            case AUTO -> configured != null || !BindAddress.isLoopback(bind); // a configured token is always wanted
        };
        if (configured != null) {
            return new OperatorAccess(required, bind, p, configured, TokenSource.CONFIGURED);
        }
        if (!required) {
            return new OperatorAccess(false, bind, p, null, TokenSource.NONE);
        }
        try {
            if (Files.exists(p.tokenFile())) {
                String token = Files.readString(p.tokenFile(), StandardCharsets.UTF_8).strip();
                if (token.length() < 16) {
                    throw new IllegalStateException("liquid5gc.operator.token-file " + p.tokenFile() + " holds no token of at least 16 characters");
                }
                return new OperatorAccess(true, bind, p, token, TokenSource.FILE);
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            PrivateFiles.createWith(p.tokenFile(), (token + "\n").getBytes(StandardCharsets.UTF_8));
            log.warn("operator API token generated into {} (mode 0600): send 'Authorization: Bearer <its content>'; "
                    + "the provisioning CLI reads it from there. Set liquid5gc.operator.token (LIQUID5GC_OPERATOR_TOKEN) from a secret instead",
                    p.tokenFile().toAbsolutePath());
            return new OperatorAccess(true, bind, p, token, TokenSource.GENERATED);
        } catch (IOException e) {
            throw new IllegalStateException("operator authentication is required (server.address " + (bind == null ? "all interfaces" : bind)
                    + ") but there is no token: cannot read or create liquid5gc.operator.token-file " + p.tokenFile() + " (" + e.getMessage()
                    + "); set liquid5gc.operator.token (LIQUID5GC_OPERATOR_TOKEN) from a secret", e);
        }
    }

    public boolean required() {
        return required;
    }

    public TokenSource tokenSource() {
        return source;
    }

    /** True when the Authorization header is exactly {@code Bearer <token>} (constant-time comparison). */
    boolean acceptsBearer(String authorization) {
        return bearer != null && authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), bearer);
    }

    /** True when {@code token} is the operator token (constant-time comparison): the console's login form. */
    public boolean acceptsToken(String token) {
        return token != null && !token.isEmpty() && acceptsBearer("Bearer " + token);
    }

    /**
     * The {@code Authorization} header value ({@code Bearer <token>}) for this process's own calls to the operator
     * API of another process of the same deployment (the console of a UDR or NRF calling the proxy's live view, which
     * shares the operator token); null when this process has no token (operator authentication off). Never for a
     * caller: it goes only to a peer the configuration names.
     */
    public String authorizationForPeers() {
        return bearer == null ? null : new String(bearer, StandardCharsets.UTF_8);
    }

    /**
     * The operator's identity ({@code cert:<subject>}) when the TLS peer presented a verified client certificate whose
     * subject is accepted; null otherwise.
     */
    public String certificateOperator(SslInfo ssl) {
        X509Certificate[] chain = ssl == null ? null : ssl.getPeerCertificates();
        if (chain != null && chain.length > 0) {
            String dn = chain[0].getSubjectX500Principal().getName();
            if (acceptsSubject(dn)) {
                return "cert:" + dn;
            }
        }
        return null;
    }

    /**
     * Lets a request through the operator APIs as {@code who}, for a filter of this process that has already
     * authenticated the operator in another way (the console: a session started with the token, and its CSRF token):
     * the identity travels in an exchange attribute, which no client can set.
     */
    public void vouch(ServerWebExchange exchange, String who) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("a vouched operator needs an identity");
        }
        exchange.getAttributes().put(OperatorAuthenticationFilter.VOUCHED, who);
    }

    /** True when a verified client certificate subject (full DN, or its CN) is one of the accepted ones. */
    boolean acceptsSubject(String dn) {
        if (dn == null) {
            return false;
        }
        for (String s : properties.clientCertificateSubjects()) {
            if (s.equals(dn) || ("CN=" + s).equals(commonName(dn))) {
                return true;
            }
        }
        return false;
    }

    static String commonName(String dn) {
        for (String part : dn.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip();
            }
        }
        return null;
    }

    /** What is unsafe about this access, for the start-up report. */
    public List<UnsafeSetting> unsafeSettings() {
        List<UnsafeSetting> out = new ArrayList<>();
        if (!required) {
            out.add(new UnsafeSetting("operator-auth-off",
                    "the operator APIs (provisioning, network procedures) accept anyone" + (bindAddress == null ? " on every interface"
                            : " who can reach " + bindAddress),
                    "leave liquid5gc.operator.auth=auto with a non-loopback bind, or set it to required, with liquid5gc.operator.token"));
        } else if (source == TokenSource.GENERATED || source == TokenSource.FILE && properties.tokenFile().equals(java.nio.file.Path.of("data", "operator.token"))) {
            out.add(new UnsafeSetting("operator-token-generated",
                    "the operator API token is a generated lab token in " + properties.tokenFile(),
                    "set liquid5gc.operator.token (LIQUID5GC_OPERATOR_TOKEN) from a secret, or liquid5gc.operator.token-file to a mounted secret"));
        }
        return out;
    }
}
