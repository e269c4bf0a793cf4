package io.liquid5gc.udr;

import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStore;
import java.time.Clock;

class UdrDataServiceInMemoryTest extends UdrDataServiceContract {

    @Override
    protected KeyValueStore newStore() {
        return new InMemoryKeyValueStore(Clock.systemUTC());
    }
}
