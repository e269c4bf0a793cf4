package io.liquid5gc.store.etcd;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
public record EtcdStoreProperties(List<String> endpoints, Duration timeout, String namespace, String user, String password) {

    public static final String DEFAULT_ENDPOINT = "http://127.0.0.1:2379";
    public static final String DEFAULT_NAMESPACE = "liquid5gc/";

    public EtcdStoreProperties {
        endpoints = endpoints == null || endpoints.isEmpty()
                ? List.of(DEFAULT_ENDPOINT)
                : endpoints.stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(2) : timeout;
        namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
        user = user == null || user.isBlank() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
    }

    public static EtcdStoreProperties defaults() {
        return new EtcdStoreProperties(null, null, null, null, null);
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
