package io.liquid5gc.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.KeyValueStoreFactory;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.runtime.store.StoreHealthIndicator;
import io.liquid5gc.runtime.store.StoreUnavailableException;
import org.springframework.boot.health.contributor.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Connecting (and failing to) and the Spring Boot wiring. */
class EtcdStoreFactoryTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EtcdStoreAutoConfiguration.class, Liquid5gcRuntimeAutoConfiguration.class))
            .withPropertyValues("liquid5gc.store.memory.journal=none");

    @Test
    void whenEtcdIsUnreachable_thenAStoreExceptionNamesTheEndpointWithinTheTimeout() {
        String endpoint = "http://127.0.0.1:" + EtcdServerProcess.freePort();
        EtcdStoreProperties props = EtcdStoreProperties.defaults().withEndpoints(endpoint).withTimeout(Duration.ofSeconds(1));
        try (EtcdStoreFactory factory = new EtcdStoreFactory(props)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> factory.create("registry"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("connect: etcd " + endpoint);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void whenAnEndpointIsNotAUrl_thenAStoreExceptionSaysWhichProperty() {
        EtcdStoreProperties props = EtcdStoreProperties.defaults().withEndpoints("not a url").withTimeout(Duration.ofSeconds(1));
        try (EtcdStoreFactory factory = new EtcdStoreFactory(props)) {
            assertThatThrownBy(() -> factory.create("registry")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("not a url").hasMessageContaining("liquid5gc.registry.etcd.endpoints");
        }
    }

    @Test
    void whenTheServerRunsWithEtcdsDefaultTimings_thenAOneSecondTtlGetsItsTwoSecondMinimumAndTheLogSaysSo() throws Exception {
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(EtcdKeyValueStore.class);
        logs.start();
        logger.addAppender(logs);
        try (EtcdServerProcess server = EtcdServerProcess.start("--heartbeat-interval", "100", "--election-timeout", "1000");
             KeyValueStore store = EtcdKeyValueStore.connect(EtcdStoreProperties.defaults().withEndpoints(server.endpoint()), "registry");
             io.etcd.jetcd.Client raw = io.etcd.jetcd.Client.builder().endpoints(server.endpoint()).build()) {
            store.put("nf/short", "x".getBytes(UTF_8), Duration.ofSeconds(1));
            store.put("nf/short2", "x".getBytes(UTF_8), Duration.ofMillis(300));
            long lease = raw.getKVClient().get(io.etcd.jetcd.ByteSequence.from("liquid5gc/registry/nf/short", UTF_8)).get()
                    .getKvs().getFirst().getLease();
            assertThat(raw.getLeaseClient().timeToLive(lease, io.etcd.jetcd.options.LeaseOption.DEFAULT).get().getGrantedTTL())
                    .isEqualTo(2);
            assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("minimum lease TTL")).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("granted a 2 s lease for a TTL of PT1S"));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void propertiesNeverPrintThePassword() {
        EtcdStoreProperties p = EtcdStoreProperties.defaults().withEndpoints("http://a:2379", " http://b:2379 ").withUser("nrf", "etcd-secret");
        assertThat(p.toString()).doesNotContain("etcd-secret").contains("nrf");
        assertThat(p.where()).isEqualTo("http://a:2379,http://b:2379");
        assertThat(p.namespace("registry")).isEqualTo("liquid5gc/registry/");
        assertThat(EtcdStoreProperties.defaults().endpoints()).containsExactly("http://127.0.0.1:2379");
    }

    @Test
    void whenTheTypeIsMemory_thenTheFactoryExistsButNothingConnects() {
        context.withPropertyValues("liquid5gc.registry.etcd.endpoints=http://127.0.0.1:" + EtcdServerProcess.freePort())
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBeansOfType(KeyValueStoreFactory.class).values())
                            .singleElement().extracting(KeyValueStoreFactory::type).isEqualTo("etcd");
                    assertThat(ctx.getBean("registryStore", KeyValueStore.class).describe()).startsWith("memory");
                });
    }

    @Test
    void whenEtcdStartsAfterTheNf_thenTheNfStartsNotReadyAndTheRegistryStoreIsUpOnceEtcdAnswers() throws Exception {
        try (EtcdServerProcess server = EtcdServerProcess.start()) {
            server.stop();
            context.withPropertyValues("liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + server.endpoint(),
                            "liquid5gc.registry.etcd.timeout=1s")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        StoreHealthIndicator health = ctx.getBean(StoreHealthIndicator.class);
                        KeyValueStore registry = ctx.getBean("registryStore", KeyValueStore.class);
                        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                        assertThatThrownBy(() -> registry.get("nf/x")).isInstanceOf(StoreUnavailableException.class)
                                .hasMessageContaining("etcd " + server.endpoint());
                        server.restart();
                        awaitStatus(health, Status.UP);
                        registry.put("nf/late", "profile".getBytes(UTF_8), Duration.ofSeconds(30));
                        assertThat(registry.scan("nf/", 10)).containsKey("nf/late");
                    });
        }
    }

    @Test
    void whenEtcdIsStoppedWhileRunning_thenCallsFailWithinTheTimeoutThenAtOnceAndTheStoreRecoversByItself() throws Exception {
        try (EtcdServerProcess server = EtcdServerProcess.start()) {
            context.withPropertyValues("liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + server.endpoint(),
                            "liquid5gc.registry.etcd.timeout=1s", "liquid5gc.store.check-interval=1s")
                    .run(ctx -> {
                        StoreHealthIndicator health = ctx.getBean(StoreHealthIndicator.class);
                        KeyValueStore registry = ctx.getBean("registryStore", KeyValueStore.class);
                        registry.put("nf/a", "1".getBytes(UTF_8));
                        server.stop();
                        long start = System.nanoTime();
                        assertThatThrownBy(() -> registry.get("nf/a")).isInstanceOf(StoreUnavailableException.class);
                        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one bounded call").isLessThan(Duration.ofSeconds(4));
                        awaitStatus(health, Status.DOWN);
                        start = System.nanoTime();
                        assertThatThrownBy(() -> registry.get("nf/a")).isInstanceOf(StoreUnavailableException.class);
                        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("then at once").isLessThan(Duration.ofMillis(500));
                        server.restart();
                        awaitStatus(health, Status.UP);
                        assertThat(registry.get("nf/a")).isPresent();
                    });
        }
    }

    private static void awaitStatus(StoreHealthIndicator health, Status status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!health.health().getStatus().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(health.health().getStatus()).as("%s", health.health().getDetails()).isEqualTo(status);
    }

    @Test
    void whenAStartTimeoutIsSetAndEtcdNeverAnswers_thenTheRegistryStoreGivesUpNamingTheEndpoint() throws Exception {
        String endpoint = "http://127.0.0.1:" + EtcdServerProcess.freePort();
        context.withPropertyValues("liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + endpoint,
                        "liquid5gc.registry.etcd.timeout=1s", "liquid5gc.store.start-timeout=3s")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    StoreHealthIndicator health = ctx.getBean(StoreHealthIndicator.class);
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!health.health().getDetails().get("registry").toString().contains("FAILED") && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(health.health().getDetails().get("registry")).asString().contains("FAILED")
                            .contains("etcd " + endpoint).contains("liquid5gc.store.start-timeout=3s");
                });
    }

    @Test
    void whenTheRegistryTypeIsEtcd_thenTheRuntimeRegistryStoreIsEtcd() {
        try (EtcdServerProcess server = EtcdServerProcess.start()) {
            context.withPropertyValues("liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + server.endpoint(),
                            "liquid5gc.registry.etcd.namespace=core1/")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        KeyValueStore registry = ctx.getBean("registryStore", KeyValueStore.class);
                        assertThat(registry.describe()).isEqualTo("etcd " + server.endpoint() + " (keys core1/registry/*)");
                        registry.put("nf/amf-1", "profile".getBytes(UTF_8), Duration.ofSeconds(30));
                        assertThat(registry.scan("nf/", 10)).containsOnlyKeys("nf/amf-1");
                        assertThat(ctx.getBean("stateStore", KeyValueStore.class).describe()).startsWith("memory");
                    });
        }
    }

    @Test
    void whenConfiguredByEnvironmentVariables_thenTheyBindAsDocumented() {
        context.withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                                "LIQUID5GC_REGISTRY_ETCD_ENDPOINTS", "http://etcd-0:2379,http://etcd-1:2379",
                                "LIQUID5GC_REGISTRY_ETCD_TIMEOUT", "5s",
                                "LIQUID5GC_REGISTRY_ETCD_NAMESPACE", "core2/",
                                "LIQUID5GC_REGISTRY_ETCD_USER", "nrf",
                                "LIQUID5GC_REGISTRY_ETCD_PASSWORD", "pw"))))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    EtcdStoreProperties p = ctx.getBean(EtcdStoreFactory.class).properties();
                    assertThat(p.endpoints()).containsExactly("http://etcd-0:2379", "http://etcd-1:2379");
                    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(p.namespace("registry")).isEqualTo("core2/registry/");
                    assertThat(p.user()).isEqualTo("nrf");
                    assertThat(p.password()).isEqualTo("pw");
                });
    }

    @Test
    void whenEtcdRestarts_thenCallsFailWithinTheTimeoutMeanwhileAndTheStoreRecoversWithTheData() throws Exception {
        try (EtcdServerProcess server = EtcdServerProcess.start();
             KeyValueStore store = EtcdKeyValueStore.connect(
                     EtcdStoreProperties.defaults().withEndpoints(server.endpoint()).withTimeout(Duration.ofSeconds(1)), "registry")) {
            store.put("nf/a", "1".getBytes(UTF_8));
            store.put("nf/b", "2".getBytes(UTF_8), Duration.ofSeconds(60));
            server.stop();
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.get("nf/a")).isInstanceOf(StoreException.class).hasMessageContaining(server.endpoint());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            server.restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            java.util.SortedMap<String, byte[]> back = null;
            while (back == null && System.nanoTime() < deadline) {
                try {
                    back = store.scan("nf/", 10);
                } catch (StoreException stillReconnecting) {
                    Thread.sleep(100);
                }
            }
            assertThat(back).as("the WAL brought the entries and the lease back").containsOnlyKeys("nf/a", "nf/b");
            assertThat(store.compareAndSet("nf/a", "1".getBytes(UTF_8), "1b".getBytes(UTF_8), null)).isTrue();
        }
    }
}
