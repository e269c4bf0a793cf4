package io.liquid5gc.ausf;

import org.junit.jupiter.api.BeforeAll;

class AusfChainInMemoryTest extends AusfChainContract {

    @BeforeAll
    static void start() {
        startCore("liquid5gc.store.type=memory");
    }
}
