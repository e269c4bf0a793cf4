package io.liquid5gc.store.redis;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Redis state store ({@code liquid5gc.store.redis.*}), used when {@code liquid5gc.store.type=redis} (or
 * {@code liquid5gc.registry.type=redis}).
 *
 * @param url            {@code redis://[[user]:password@]host[:port][/database]} or {@code rediss://...} for TLS;
 *                       default {@code redis://127.0.0.1:6379}
 * @param password       the password, when it is not in the URL (it wins over the URL's); never logged
 * @param timeout        how long to wait to connect and for each command; default 2 s
 * @param keyPrefix      the start of every key; the purpose follows, so the state store writes under
 *                       {@code liquid5gc:state:} and the registry under {@code liquid5gc:registry:}
 * @param checkSettings  whether to read the server's eviction and persistence settings at connect time and
 *                       warn about unsafe ones (default true)
 */
@ConfigurationProperties("liquid5gc.store.redis")
public record RedisStoreProperties(String url, String password, Duration timeout, String keyPrefix, Boolean checkSettings) {

    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    public static final String DEFAULT_KEY_PREFIX = "liquid5gc:";

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^@/]*@");

    public RedisStoreProperties {
        url = url == null || url.isBlank() ? DEFAULT_URL : url.trim();
        password = password == null || password.isEmpty() ? null : password;
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(2) : timeout;
        keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
        checkSettings = checkSettings == null || checkSettings;
    }

    /** The defaults: a local Redis on 6379. */
    public static RedisStoreProperties defaults() {
        return new RedisStoreProperties(null, null, null, null, null);
    }

    /** The same settings against another URL. */
    public RedisStoreProperties withUrl(String newUrl) {
        return new RedisStoreProperties(newUrl, password, timeout, keyPrefix, checkSettings);
    }

    /** The URL with any user and password removed: the only form that goes into logs and messages. */
    public String redactedUrl() {
        return redact(url);
    }

    static String redact(String url) {
        return USER_INFO.matcher(url).replaceFirst("");
    }

    /** The namespace of one purpose: {@code liquid5gc:state:}, {@code liquid5gc:registry:}. */
    public String namespace(String purpose) {
        return keyPrefix + purpose + ":";
    }

    @Override
    public String toString() {
        return "RedisStoreProperties[url=" + redactedUrl() + ", password=" + (password == null ? "none" : "******")
                + ", timeout=" + timeout + ", keyPrefix=" + keyPrefix + ", checkSettings=" + checkSettings + "]";
    }
}
