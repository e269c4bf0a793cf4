package io.liquid5gc.runtime.store;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the NRF keeps its registry ({@code liquid5gc.registry.*}).
 *
 * @param type {@code memory} (in-process, the default) or {@code etcd} (module store-etcd on the classpath;
 *             settings under {@code liquid5gc.registry.etcd.*})
 */
@ConfigurationProperties("liquid5gc.registry")
public record RegistryProperties(@DefaultValue(StoreProperties.DEFAULT_TYPE) String type) {

    /** The declared defaults: what binding no {@code liquid5gc.registry.*} property gives (the in-memory registry). */
    public static RegistryProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.registry", RegistryProperties.class);
    }

    public RegistryProperties {
        Objects.requireNonNull(type, "liquid5gc.registry.type");
        // as before: blank means the default
        type = type.isBlank() ? StoreProperties.DEFAULT_TYPE : type.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
