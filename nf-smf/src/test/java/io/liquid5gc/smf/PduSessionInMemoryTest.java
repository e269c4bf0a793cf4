package io.liquid5gc.smf;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;

/** The PDU session chain on the in-process store. */
class PduSessionInMemoryTest extends PduSessionContract {

    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = SmfTestApp.start();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Override
    ConfigurableApplicationContext context() {
        return context;
    }
}
