package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.store.etcd.EtcdServerProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class path per store (issue 16 item 1): the NRF's exec jar, extracted as the image's extract stage does with
 * {@code STORES}, holds the client of each store engine it keeps and none of the others; a unit built with etcd only
 * serves its registry on a real etcd, and one built without etcd, told to use it, refuses to start naming the module.
 */
class StoreClassPathTest {

    static final List<String> REDIS = List.of("store-redis-", "lettuce-core-");
    static final List<String> ETCD = List.of("store-etcd-", "jetcd-core-", "grpc-core-", "vertx-core-");

    static EtcdServerProcess etcd;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServerProcess.start();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    static boolean holds(List<String> jars, List<String> engine) {
        return engine.stream().allMatch(prefix -> jars.stream().anyMatch(j -> j.startsWith(prefix)));
    }

    static boolean holdsAnyOf(List<String> jars, List<String> engine) {
        return jars.stream().anyMatch(j -> engine.stream().anyMatch(j::startsWith));
    }

    @Test
    void whenBuiltWithEveryStore_thenBothClientsAreOnTheClassPath() throws Exception {
        List<String> jars = ExtractedUnit.extract("nf-nrf", dir.resolve("all"), "redis etcd").libJars();
        assertThat(holds(jars, REDIS)).as("%s holds Redis's client", jars).isTrue();
        assertThat(holds(jars, ETCD)).as("%s holds etcd's client", jars).isTrue();
    }

    @Test
    void whenBuiltWithEtcdOnly_thenNoRedisClientIsThereAndTheRegistryIsServedOnARealEtcd() throws Exception {
        try (ExtractedUnit nrf = ExtractedUnit.extract("nf-nrf", dir.resolve("etcd"), "etcd")) {
            assertThat(holdsAnyOf(nrf.libJars(), REDIS)).as("%s", nrf.libJars()).isFalse();
            assertThat(holds(nrf.libJars(), ETCD)).isTrue();
            assertThat(nrf.classPath()).noneMatch(e -> REDIS.stream().anyMatch(prefix -> e.contains("/" + prefix)));
            nrf.startAndAwaitReady("--liquid5gc.registry.type=etcd", "--liquid5gc.registry.etcd.endpoints=" + etcd.endpoint());
            // ready means the registry store answered (the readiness group holds the store connections)
            HttpResponse<String> health = ExtractedUnit.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nrf.port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(nrf.log()).doesNotContain("io.lettuce");
        }
    }

    @Test
    void whenBuiltWithoutEtcdButToldToUseIt_thenTheStartFailsNamingTheMissingModule() throws Exception {
        try (ExtractedUnit nrf = ExtractedUnit.extract("nf-nrf", dir.resolve("none"), "")) {
            assertThat(holdsAnyOf(nrf.libJars(), REDIS)).isFalse();
            assertThat(holdsAnyOf(nrf.libJars(), ETCD)).isFalse();
            int exit = nrf.startAndAwaitExit("--liquid5gc.registry.type=etcd", "--liquid5gc.registry.etcd.endpoints=" + etcd.endpoint());
            assertThat(exit).isNotZero();
            assertThat(nrf.log()).contains("liquid5gc.registry.type=etcd but no such store is on the classpath", "store-etcd");
        }
    }
}
