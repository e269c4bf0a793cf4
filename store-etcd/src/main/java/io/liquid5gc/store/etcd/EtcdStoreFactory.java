package io.liquid5gc.store.etcd;

import io.etcd.jetcd.Client;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStoreFactory;

/**
 * The "etcd" store backend ({@code liquid5gc.registry.type=etcd}). Creating the factory connects nowhere; the
 * stores it creates share one jetcd client (made on the first {@link #create}, which checks that etcd answers)
 * that {@link #close()} closes after them.
 */
public final class EtcdStoreFactory implements KeyValueStoreFactory, AutoCloseable {

    public static final String TYPE = "etcd";

    private final EtcdStoreProperties properties;
    private Client client;

    public EtcdStoreFactory(EtcdStoreProperties properties) {
        this.properties = properties;
    }

    public EtcdStoreProperties properties() {
        return properties;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String where() {
        return "etcd " + properties.where();
    }

    @Override
    public KeyValueStore create(String purpose) {
        return EtcdKeyValueStore.open(client(), false, properties, purpose);
    }

    private synchronized Client client() {
        if (client == null) {
            client = EtcdKeyValueStore.newClient(properties);
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public String toString() {
        return "EtcdStoreFactory[" + properties + "]";
    }
}
