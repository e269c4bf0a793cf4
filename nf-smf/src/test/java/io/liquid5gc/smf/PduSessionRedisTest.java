package io.liquid5gc.smf;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;

/** The PDU session chain on a real redis-server. */
class PduSessionRedisTest extends PduSessionContract {

    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = SmfTestApp.start(SmfTestApp.redis());
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
