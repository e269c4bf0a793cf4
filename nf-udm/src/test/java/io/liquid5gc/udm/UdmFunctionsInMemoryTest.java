package io.liquid5gc.udm;

import org.junit.jupiter.api.BeforeAll;

class UdmFunctionsInMemoryTest extends UdmFunctionsContract {

    @BeforeAll
    static void start() {
        startCore("liquid5gc.store.type=memory");
    }
}
