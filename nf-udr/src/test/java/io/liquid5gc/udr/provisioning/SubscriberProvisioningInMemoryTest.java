package io.liquid5gc.udr.provisioning;

import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStore;
import java.time.Clock;

class SubscriberProvisioningInMemoryTest extends SubscriberProvisioningContract {

    @Override
    protected KeyValueStore newStore() {
        return new InMemoryKeyValueStore(Clock.systemUTC());
    }
}
