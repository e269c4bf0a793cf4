package io.liquid5gc.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator console ({@code liquid5gc.console.*}), served under {@code /console/} wherever an operator API is.
 *
 * @param enabled     false: no console (the operator REST APIs stay as they are)
 * @param idleTimeout a session unused this long is over (the operator logs in again)
 * @param maxLifetime a session is over this long after its login, however busy (bounded lifetime)
 * @param cookieName  the session cookie's name (HttpOnly, SameSite=Strict, Secure over TLS, path /console/)
 */
@ConfigurationProperties("liquid5gc.console")
public record ConsoleProperties(Boolean enabled, Duration idleTimeout, Duration maxLifetime, String cookieName) {

    public ConsoleProperties {
        enabled = enabled == null || enabled;
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
        maxLifetime = maxLifetime == null ? Duration.ofHours(8) : maxLifetime;
        cookieName = cookieName == null || cookieName.isBlank() ? "LIQUID5GC_CONSOLE" : cookieName;
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("liquid5gc.console.idle-timeout and max-lifetime must be positive");
        }
        if (!cookieName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("liquid5gc.console.cookie-name must be 1..64 letters, digits, '_' or '-'");
        }
    }
}
