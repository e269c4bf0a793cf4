package io.liquid5gc.store.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStoreFactory;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.runtime.store.StoreHealthIndicator;
import io.liquid5gc.runtime.store.StoreUnavailableException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Connecting (and failing to), passwords, and the Spring Boot wiring. */
class RedisStoreFactoryTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RedisStoreAutoConfiguration.class, Liquid5gcRuntimeAutoConfiguration.class))
            .withPropertyValues("liquid5gc.store.memory.journal=none");

    @Test
    void whenTheServerIsUnreachable_thenAStoreExceptionNamesTheUrlButNotThePassword() {
        String url = "redis://:s3cr3t-pw@127.0.0.1:" + RedisServerProcess.freePort();
        RedisStoreFactory factory = new RedisStoreFactory(RedisStoreProperties.defaults().withUrl(url).withTimeout(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> factory.create("state"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to Redis at " + url.replace(":s3cr3t-pw@", ""))
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("s3cr3t-pw");
                    }
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        factory.close();
    }

    @Test
    void whenTheUrlIsInvalid_thenAStoreExceptionSaysWhichProperty() {
        RedisStoreFactory factory = new RedisStoreFactory(RedisStoreProperties.defaults().withUrl("http://nowhere"));
        assertThatThrownBy(() -> factory.create("state")).isInstanceOf(StoreException.class)
                .hasMessageContaining("liquid5gc.store.redis.url");
    }

    @Test
    void whenTheServerWantsAPassword_thenThePropertyOrTheUrlSuppliesItAndAWrongOneIsAClearError() {
        try (RedisServerProcess server = RedisServerProcess.start("--requirepass", "p4ss-w0rd");
             RedisStoreFactory factory = new RedisStoreFactory(RedisStoreProperties.defaults().withUrl(server.url()).withPassword("p4ss-w0rd"));
             KeyValueStore store = factory.create("state")) {
            store.put("k", "v".getBytes(UTF_8));
            assertThat(store.get("k")).hasValueSatisfying(v -> assertThat(new String(v, UTF_8)).isEqualTo("v"));
            String inUrl = "redis://:p4ss-w0rd@127.0.0.1:" + server.port();
            try (KeyValueStore viaUrl = RedisKeyValueStore.connect(RedisStoreProperties.defaults().withUrl(inUrl), "state")) {
                assertThat(viaUrl.get("k")).isPresent();
                assertThat(viaUrl.describe()).doesNotContain("p4ss-w0rd");
            }
            RedisStoreProperties wrong = RedisStoreProperties.defaults().withUrl(server.url()).withPassword("wrong-one");
            assertThatThrownBy(() -> RedisKeyValueStore.connect(wrong, "state").close())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(server.url())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-one"));
        }
    }

    @Test
    void whenRedisRestarts_thenCallsFailFastMeanwhileAndTheStoreRecoversWithTheData() throws Exception {
        try (RedisServerProcess server = RedisServerProcess.start();
             KeyValueStore store = RedisKeyValueStore.connect(
                     RedisStoreProperties.defaults().withUrl(server.url()).withTimeout(Duration.ofSeconds(1)), "state")) {
            store.put("ue/1", "ctx".getBytes(UTF_8));
            server.stop();
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.get("ue/1")).isInstanceOf(StoreException.class).hasMessageContaining(server.url());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            server.restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            java.util.Optional<byte[]> back = java.util.Optional.empty();
            while (System.nanoTime() < deadline) {
                try {
                    back = store.get("ue/1");
                    break;
                } catch (StoreException stillReconnecting) {
                    Thread.sleep(100);
                }
            }
            assertThat(back).as("the AOF brought the entry back").hasValueSatisfying(v -> assertThat(new String(v, UTF_8)).isEqualTo("ctx"));
            // the restarted server has no scripts cached: EVALSHA gets NOSCRIPT and the store falls back to EVAL
            assertThat(store.compareAndSet("ue/1", "ctx".getBytes(UTF_8), "ctx2".getBytes(UTF_8), null)).isTrue();
        }
    }

    @Test
    void propertiesNeverPrintThePassword() {
        RedisStoreProperties p = RedisStoreProperties.defaults().withUrl("redis://user:url-secret@h:6379/2").withPassword("prop-secret");
        assertThat(p.toString()).doesNotContain("url-secret", "prop-secret").contains("redis://h:6379/2");
        assertThat(p.redactedUrl()).isEqualTo("redis://h:6379/2");
        assertThat(p.namespace("registry")).isEqualTo("liquid5gc:registry:");
    }

    @Test
    void whenTheTypeIsMemory_thenTheFactoryExistsButNothingConnects() {
        context.withPropertyValues("liquid5gc.store.redis.url=redis://127.0.0.1:" + RedisServerProcess.freePort())
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBeansOfType(KeyValueStoreFactory.class).values())
                            .singleElement().extracting(KeyValueStoreFactory::type).isEqualTo("redis");
                    assertThat(ctx.getBean("stateStore", KeyValueStore.class).describe()).startsWith("memory");
                });
    }

    @Test
    void whenTheTypeIsRedis_thenTheRuntimeStateStoreIsRedis() {
        try (RedisServerProcess server = RedisServerProcess.start()) {
            context.withPropertyValues("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + server.url(),
                            "liquid5gc.store.redis.key-prefix=core1:")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        KeyValueStore state = ctx.getBean("stateStore", KeyValueStore.class);
                        assertThat(state.describe()).isEqualTo(server.url() + " (keys core1:state:*)");
                        state.put("ue/1", "ctx".getBytes(UTF_8));
                        assertThat(state.get("ue/1")).isPresent();
                        assertThat(ctx.getBean("registryStore", KeyValueStore.class).describe()).startsWith("memory");
                    });
        }
    }

    @Test
    void whenConfiguredByEnvironmentVariables_thenTheyBindAsDocumented() {
        try (RedisServerProcess server = RedisServerProcess.start()) {
            context.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                                    "LIQUID5GC_STORE_TYPE", "redis",
                                    "LIQUID5GC_STORE_REDIS_URL", server.url(),
                                    "LIQUID5GC_STORE_REDIS_TIMEOUT", "3s",
                                    "LIQUID5GC_STORE_REDIS_KEYPREFIX", "env:",
                                    "LIQUID5GC_STORE_REDIS_CHECKSETTINGS", "false"))))
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        RedisStoreProperties p = ctx.getBean(RedisStoreFactory.class).properties();
                        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(3));
                        assertThat(p.checkSettings()).isFalse();
                        assertThat(ctx.getBean("stateStore", KeyValueStore.class).describe())
                                .isEqualTo(server.url() + " (keys env:state:*)");
                    });
        }
    }

    @Test
    void whenTheRedisTypeIsChosenButTheServerIsDown_thenTheNfStartsNotReadyAndCallsFailAtOnceNamingTheUrl() {
        String url = "redis://127.0.0.1:" + RedisServerProcess.freePort();
        context.withPropertyValues("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + url,
                        "liquid5gc.store.redis.timeout=1s")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    KeyValueStore state = ctx.getBean("stateStore", KeyValueStore.class);
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> state.get("ue/1")).isInstanceOf(StoreUnavailableException.class)
                            .hasMessageContaining("state store (redis) not connected yet")
                            .hasMessageContaining("cannot connect to Redis at " + url);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
                    Health health = ctx.getBean(StoreHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("state")).asString().contains("CONNECTING").contains(url);
                });
    }

    @Test
    void whenAStartTimeoutIsSetAndRedisNeverAnswers_thenTheStoreGivesUpAndTheProcessIsReportedBroken() {
        String url = "redis://127.0.0.1:" + RedisServerProcess.freePort();
        context.withPropertyValues("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + url,
                        "liquid5gc.store.redis.timeout=1s", "liquid5gc.store.start-timeout=5s")
                .withBean(org.springframework.boot.availability.ApplicationAvailabilityBean.class)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    var availability = ctx.getBean(org.springframework.boot.availability.ApplicationAvailability.class);
                    // what SpringApplication publishes once started (without it, the state defaults to BROKEN)
                    org.springframework.boot.availability.AvailabilityChangeEvent.publish(ctx,
                            org.springframework.boot.availability.LivenessState.CORRECT);
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (availability.getLivenessState() != org.springframework.boot.availability.LivenessState.BROKEN
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(availability.getLivenessState()).isEqualTo(org.springframework.boot.availability.LivenessState.BROKEN);
                    assertThat(ctx.getBean(StoreHealthIndicator.class).health().getDetails().get("state")).asString()
                            .contains("FAILED").contains("liquid5gc.store.start-timeout=5s");
                });
    }

    @Test
    void whenRedisStartsAfterTheNf_thenTheNfWaitsForItNotReadyAndBecomesReadyByItself() throws Exception {
        try (RedisServerProcess server = RedisServerProcess.start()) {
            server.stop();
            context.withPropertyValues("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + server.url(),
                            "liquid5gc.store.redis.timeout=1s")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        StoreHealthIndicator health = ctx.getBean(StoreHealthIndicator.class);
                        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                        server.restart();
                        awaitUp(health);
                        KeyValueStore state = ctx.getBean("stateStore", KeyValueStore.class);
                        state.put("late", "v".getBytes(UTF_8));
                        assertThat(state.get("late")).isPresent();
                    });
        }
    }

    @Test
    void whenRedisIsKilledWhileRunning_thenReadinessGoesDownCallsFailFastAndItRecoversWithoutARestart() throws Exception {
        try (RedisServerProcess server = RedisServerProcess.start()) {
            context.withPropertyValues("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + server.url(),
                            "liquid5gc.store.redis.timeout=2s", "liquid5gc.store.check-interval=1s")
                    .run(ctx -> {
                        StoreHealthIndicator health = ctx.getBean(StoreHealthIndicator.class);
                        KeyValueStore state = ctx.getBean("stateStore", KeyValueStore.class);
                        state.put("ue/1", "ctx".getBytes(UTF_8));
                        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                        server.stop();
                        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                        while (health.health().getStatus() == Status.UP && System.nanoTime() < deadline) {
                            Thread.sleep(50); // the periodic ping finds it without any call
                        }
                        assertThat(health.health().getDetails().get("state")).asString().contains("LOST");
                        long start = System.nanoTime();
                        assertThatThrownBy(() -> state.get("ue/1")).isInstanceOf(StoreUnavailableException.class);
                        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
                        server.restart();
                        awaitUp(health);
                        assertThat(state.get("ue/1")).as("the AOF brought it back").isPresent();
                    });
        }
    }

    static void awaitUp(StoreHealthIndicator health) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (health.health().getStatus() != Status.UP && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(health.health().getStatus()).as("%s", health.health().getDetails()).isEqualTo(Status.UP);
    }
}
