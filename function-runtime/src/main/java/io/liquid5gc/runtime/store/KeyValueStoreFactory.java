package io.liquid5gc.runtime.store;

/**
 * A store backend that a module contributes (store-redis: "redis", store-etcd: "etcd"). The runtime picks the
 * one named by {@code liquid5gc.store.type} for state and by {@code liquid5gc.registry.type} for the NRF
 * registry; creating a bean of this type must not connect anywhere.
 */
public interface KeyValueStoreFactory {

    /** The type name used in configuration. */
    String type();

    /**
     * Connects and returns a store.
     *
     * @param purpose "state" or "registry", used for key namespacing and logs
     */
    KeyValueStore create(String purpose);
}
