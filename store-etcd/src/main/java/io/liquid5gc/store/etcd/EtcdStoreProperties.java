package io.liquid5gc.store.etcd;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The etcd store ({@code liquid5gc.registry.etcd.*}), used when {@code liquid5gc.registry.type=etcd} (or
 * {@code liquid5gc.store.type=etcd}).
 *
 * @param endpoints the etcd v3 client URLs, {@code http://host:2379} (several for a cluster); default
 *                  {@code http://127.0.0.1:2379}
 * @param timeout   the longest wait for one call (connect included); default 2 s
 * @param namespace the start of every key; the purpose follows, so the registry writes under
 *                  {@code liquid5gc/registry/} and state under {@code liquid5gc/state/}
 * @param user      the etcd user when authentication is on (optional)
 * @param password  that user's password; never logged
 */
@ConfigurationProperties("liquid5gc.registry.etcd")
public record EtcdStoreProperties(@DefaultValue(DEFAULT_ENDPOINT) List<String> endpoints, @DefaultValue("2s") Duration timeout,
                                  @DefaultValue(DEFAULT_NAMESPACE) String namespace, String user, String password) {

    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:2379";
    public static final String DEFAULT_NAMESPACE = "liquid5gc/";
    /** What a zero or negative {@code timeout} means. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public EtcdStoreProperties {
        // an empty list (or one built in code without endpoints) means the default endpoint, as before
        endpoints = endpoints == null || endpoints.isEmpty()
                ? List.of(DEFAULT_ENDPOINT)
                : endpoints.stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
        Objects.requireNonNull(timeout, "liquid5gc.registry.etcd.timeout");
        Objects.requireNonNull(namespace, "liquid5gc.registry.etcd.namespace");
        timeout = timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout; // as before: non-positive = default
        user = user == null || user.isBlank() ? null : user; // null: no authentication
        password = password == null || password.isEmpty() ? null : password;
    }

    /** The declared defaults: what binding no {@code liquid5gc.registry.etcd.*} property gives. */
    public static EtcdStoreProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.registry.etcd", EtcdStoreProperties.class);
    }

    /** The same settings with a user and password. */
    public EtcdStoreProperties withUser(String newUser, String newPassword) {
        return new EtcdStoreProperties(endpoints, timeout, namespace, newUser, newPassword);
    }

    public EtcdStoreProperties withEndpoints(String... newEndpoints) {
        return new EtcdStoreProperties(List.of(newEndpoints), timeout, namespace, user, password);
    }

    public EtcdStoreProperties withTimeout(Duration newTimeout) {
        return new EtcdStoreProperties(endpoints, newTimeout, namespace, user, password);
    }

    /** The key prefix of one purpose: {@code liquid5gc/registry/}. */
    public String namespace(String purpose) {
        return namespace + purpose + "/";
    }

    /** The endpoints as they appear in logs and messages. */
    public String where() {
        return String.join(",", endpoints);
    }

    @Override
    public String toString() {
        return "EtcdStoreProperties[endpoints=" + endpoints + ", timeout=" + timeout + ", namespace=" + namespace
                + ", user=" + user + ", password=" + (password == null ? "none" : "******") + "]";
    }
}
