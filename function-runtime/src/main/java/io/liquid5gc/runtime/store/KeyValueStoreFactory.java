package io.liquid5gc.runtime.store;

/**
 * A store backend that a module contributes (store-redis: "redis", store-etcd: "etcd"). The runtime picks the
 * one named by {@code liquid5gc.store.type} for state and by {@code liquid5gc.registry.type} for the NRF
 * registry; creating a bean of this type must not connect anywhere.
 */
public interface KeyValueStoreFactory {

    /** The type name used in configuration. */
    String type();

    /** The server as logs and health may show it before it is connected (a URL without credentials). */
    default String where() {
        return type();
    }

    /**
     * Connects and returns a store: throws {@link StoreUnavailableException} when the server does not answer (worth
     * waiting for) and {@link StoreException} when it answers and refuses, or the settings are wrong (not worth it).
     *
     * @param purpose "state" or "registry", used for key namespacing and logs
     */
    KeyValueStore create(String purpose);
}
