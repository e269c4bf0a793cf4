package io.liquid5gc.runtime.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the NRF keeps its registry ({@code liquid5gc.registry.*}).
 *
 * @param type {@code memory} (in-process, the default) or {@code etcd} (module store-etcd on the classpath;
 *             settings under {@code liquid5gc.registry.etcd.*})
 */
@ConfigurationProperties("liquid5gc.registry")
public record RegistryProperties(String type) {

    public RegistryProperties {
        type = type == null || type.isBlank() ? "memory" : type.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
