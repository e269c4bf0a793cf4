package io.liquid5gc.console;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console ({@code liquid5gc.console.*}), served under {@code /console/} wherever an operator API is.
 *
 * @param enabled        false: no console (the operator REST APIs stay as they are)
 * @param idleTimeout    a session unused this long is over (the operator logs in again)
 * @param maxLifetime    a session is over this long after its login, however busy (bounded lifetime)
 * @param cookieName     the session cookie's name (HttpOnly, SameSite=Strict, Secure over TLS, path /console/)
 * @param liveViewUrl    in a split deployment: the base URL of the process serving the network procedures
 *                       ({@code /proxy/}: the ngap-proxy), which the live view then calls ({@link PeerApis}); unset:
 *                       only this process's own {@code /proxy/}, if any
 * @param subscribersUrl the base URL of the process serving the UDR's provisioning API ({@code /provisioning/}), for a
 *                       console in a process without it (the NRF alone)
 * @param peerToken      the operator token the console presents to those peers ({@code Authorization: Bearer});
 *                       unset: this process's own operator token ({@code liquid5gc.operator.token}), the same secret
 *                       in the Compose file and the Helm chart
 * @param peerTimeout    a call to a peer not answered in this time is a 504 to the page
 * @param peerSslBundle  the SSL bundle ({@code spring.ssl.bundle.*}) of the calls to https peers: the CA that
 *                       signed their certificates, and the client certificate the peer may accept as the operator
 *                       ({@code liquid5gc.operator.client-certificate-subjects}); unset: the JVM's trust store
 */
@ConfigurationProperties("liquid5gc.console")
public record ConsoleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30m") Duration idleTimeout,
                                @DefaultValue("8h") Duration maxLifetime, @DefaultValue(DEFAULT_COOKIE_NAME) String cookieName,
                                URI liveViewUrl, URI subscribersUrl, String peerToken, @DefaultValue("10s") Duration peerTimeout,
                                String peerSslBundle) {

    public static final String DEFAULT_COOKIE_NAME = "LIQUID5GC_CONSOLE";

    /** The declared defaults: what binding no {@code liquid5gc.console.*} property gives. */
    public static ConsoleProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.console", ConsoleProperties.class);
    }

    public ConsoleProperties {
        Objects.requireNonNull(idleTimeout, "liquid5gc.console.idle-timeout");
        Objects.requireNonNull(maxLifetime, "liquid5gc.console.max-lifetime");
        Objects.requireNonNull(cookieName, "liquid5gc.console.cookie-name");
        Objects.requireNonNull(peerTimeout, "liquid5gc.console.peer-timeout");
        cookieName = cookieName.isBlank() ? DEFAULT_COOKIE_NAME : cookieName; // as before: blank means the default
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("liquid5gc.console.idle-timeout and max-lifetime must be positive");
        }
        if (!cookieName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("liquid5gc.console.cookie-name must be 1..64 letters, digits, '_' or '-'");
        }
        if (peerTimeout.isNegative() || peerTimeout.isZero()) {
            throw new IllegalArgumentException("liquid5gc.console.peer-timeout must be positive");
        }
        liveViewUrl = baseUrl("liquid5gc.console.live-view-url", liveViewUrl);
        subscribersUrl = baseUrl("liquid5gc.console.subscribers-url", subscribersUrl);
        peerToken = peerToken == null || peerToken.isBlank() ? null : peerToken.strip();
        peerSslBundle = peerSslBundle == null || peerSslBundle.isBlank() ? null : peerSslBundle.strip();
    }

    /** A peer's base URL: http or https, a host, no user info, query or fragment; the path without its last '/'. */
    private static URI baseUrl(String key, URI url) {
        if (url == null || url.toString().isBlank()) {
            return null;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an http(s) URL with a host, e.g. http://proxy:8009: " + url);
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(key + " takes no user info, query or fragment (the console sends liquid5gc.console.peer-token): "
                    + PlacementView.withoutUserInfo(url));
        }
        String s = url.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    @Override
    public String toString() {
        return "ConsoleProperties[enabled=" + enabled + ", idleTimeout=" + idleTimeout + ", maxLifetime=" + maxLifetime + ", cookieName="
                + cookieName + ", liveViewUrl=" + liveViewUrl + ", subscribersUrl=" + subscribersUrl + ", peerToken="
                + (peerToken == null ? "none" : "***") + ", peerTimeout=" + peerTimeout + ", peerSslBundle=" + peerSslBundle + "]";
    }
}
