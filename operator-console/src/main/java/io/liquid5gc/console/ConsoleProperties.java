package io.liquid5gc.console;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console ({@code liquid5gc.console.*}), served under {@code /console/} wherever an operator API is.
 *
 * @param enabled     false: no console (the operator REST APIs stay as they are)
 * @param idleTimeout a session unused this long is over (the operator logs in again)
 * @param maxLifetime a session is over this long after its login, however busy (bounded lifetime)
 * @param cookieName  the session cookie's name (HttpOnly, SameSite=Strict, Secure over TLS, path /console/)
 */
@ConfigurationProperties("liquid5gc.console")
public record ConsoleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30m") Duration idleTimeout,
                                @DefaultValue("8h") Duration maxLifetime, @DefaultValue(DEFAULT_COOKIE_NAME) String cookieName) {

    public static final String DEFAULT_COOKIE_NAME = "LIQUID5GC_CONSOLE";

    /** The declared defaults: what binding no {@code liquid5gc.console.*} property gives. */
    public static ConsoleProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.console", ConsoleProperties.class);
    }

    public ConsoleProperties {
        Objects.requireNonNull(idleTimeout, "liquid5gc.console.idle-timeout");
        Objects.requireNonNull(maxLifetime, "liquid5gc.console.max-lifetime");
        Objects.requireNonNull(cookieName, "liquid5gc.console.cookie-name");
        cookieName = cookieName.isBlank() ? DEFAULT_COOKIE_NAME : cookieName; // as before: blank means the default
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("liquid5gc.console.idle-timeout and max-lifetime must be positive");
        }
        if (!cookieName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("liquid5gc.console.cookie-name must be 1..64 letters, digits, '_' or '-'");
        }
    }
}
