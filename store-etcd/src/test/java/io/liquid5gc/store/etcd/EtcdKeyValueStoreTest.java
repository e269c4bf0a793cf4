package io.liquid5gc.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.options.LeaseOption;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreCompatibilityKit;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store compatibility kit against a real etcd, plus what is particular to etcd (leases, revisions). */
class EtcdKeyValueStoreTest extends StoreCompatibilityKit {

    private static EtcdServerProcess server;
    private static EtcdStoreFactory factory;
    private static Client raw;

    @BeforeAll
    static void startEtcd() {
        server = EtcdServerProcess.start();
        factory = new EtcdStoreFactory(EtcdStoreProperties.defaults().withEndpoints(server.endpoint()));
        raw = Client.builder().endpoints(server.endpoint()).build();
    }

    @AfterAll
    static void stopEtcd() {
        if (raw != null) {
            raw.close();
        }
        if (factory != null) {
            factory.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected KeyValueStore newStore() {
        return factory.create("registry");
    }

    @Override
    protected void letTimePass(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    /** The test member's minimum lease (heartbeat 50 ms, election 500 ms) is 1 s; with etcd's defaults it is 2 s. */
    @Override
    protected Duration shortTtl() {
        return Duration.ofSeconds(1);
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static KeyValue rawGet(String fullKey) throws Exception {
        var kvs = raw.getKVClient().get(ByteSequence.from(fullKey, UTF_8)).get().getKvs();
        return kvs.isEmpty() ? null : kvs.getFirst();
    }

    @Test
    void whenWritten_thenTheKeyLivesUnderThePurposeNamespaceAndOtherPurposesDoNotSeeIt() throws Exception {
        store.put(ns + "nf/1", b("profile"));
        assertThat(rawGet("liquid5gc/registry/" + ns + "nf/1").getValue().toString(UTF_8)).isEqualTo("profile");
        try (KeyValueStore state = factory.create("state")) {
            assertThat(state.get(ns + "nf/1")).isEmpty();
            assertThat(state.scan(ns, 10)).isEmpty();
            state.put(ns + "ue/1", b("ctx"));
            assertThat(rawGet("liquid5gc/state/" + ns + "ue/1")).isNotNull();
            assertThat(store.scan(ns, 10).keySet()).containsExactly(ns + "nf/1");
        }
    }

    @Test
    void whenATtlIsGiven_thenTheEntryHoldsALeaseRoundedUpToWholeSecondsAndAPlainPutDropsIt() throws Exception {
        store.put(ns + "hb", b("x"), Duration.ofMillis(29_200));
        KeyValue kv = rawGet("liquid5gc/registry/" + ns + "hb");
        assertThat(kv.getLease()).isNotZero();
        long granted = raw.getLeaseClient().timeToLive(kv.getLease(), LeaseOption.DEFAULT).get().getGrantedTTL();
        assertThat(granted).isEqualTo(30);
        store.put(ns + "hb", b("y"));
        assertThat(rawGet("liquid5gc/registry/" + ns + "hb").getLease()).isZero();
    }

    @Test
    void whenACounterHasATtl_thenIncrementKeepsIt() throws Exception {
        store.put(ns + "n", b("5"), Duration.ofSeconds(60));
        long lease = rawGet("liquid5gc/registry/" + ns + "n").getLease();
        assertThat(store.increment(ns + "n", 2)).isEqualTo(7);
        assertThat(rawGet("liquid5gc/registry/" + ns + "n").getLease()).isEqualTo(lease).isNotZero();
    }

    @Test
    void whenUpdateSetsATtl_thenItExpires() throws Exception {
        store.update(ns + "u", cur -> Optional.of(b("v")), shortTtl());
        assertThat(store.get(ns + "u")).isPresent();
        Thread.sleep(shortTtl().multipliedBy(3).toMillis());
        assertThat(store.get(ns + "u")).isEmpty();
    }

    @Test
    void whenUpdateFindsNothingAndWritesNothing_thenNothingHappens() {
        assertThat(store.update(ns + "nothing", cur -> Optional.empty(), null)).isEmpty();
        assertThat(store.get(ns + "nothing")).isEmpty();
    }

    @Test
    void whenScanIsLimited_thenItReturnsTheFirstKeysInOrder() {
        for (int i = 49; i >= 0; i--) {
            store.put(ns + "many/" + String.format("%03d", i), b("v" + i));
        }
        assertThat(store.scan(ns + "many/", 3).keySet()).containsExactly(ns + "many/000", ns + "many/001", ns + "many/002");
        assertThat(store.scan(ns + "many/", 1000)).hasSize(50);
    }

    @Test
    void whenTwoProcessesUpdateTheSameKey_thenTheRevisionCheckLosesNoUpdate() throws Exception {
        EtcdStoreProperties props = EtcdStoreProperties.defaults().withEndpoints(server.endpoint());
        try (KeyValueStore a = EtcdKeyValueStore.connect(props, "registry");
             KeyValueStore other = EtcdKeyValueStore.connect(props, "registry");
             var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (KeyValueStore s : java.util.List.of(a, other, a, other)) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        s.update(ns + "shared", cur -> Optional.of(b(cur.map(v -> new String(v, UTF_8)).orElse("") + "x")), null);
                        s.increment(ns + "shared-n", 1);
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
            assertThat(new String(store.get(ns + "shared").orElseThrow(), UTF_8)).hasSize(100);
            assertThat(store.increment(ns + "shared-n", 0)).isEqualTo(100);
        }
    }

    @Test
    void ttlsRoundUpToWholeSeconds() {
        assertThat(EtcdKeyValueStore.leaseSeconds(null)).isZero();
        assertThat(EtcdKeyValueStore.leaseSeconds(Duration.ZERO)).isZero();
        assertThat(EtcdKeyValueStore.leaseSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(EtcdKeyValueStore.leaseSeconds(Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(EtcdKeyValueStore.leaseSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(EtcdKeyValueStore.leaseSeconds(Duration.ofSeconds(30))).isEqualTo(30);
    }

    @Test
    void describeNamesTheEndpointAndNamespace() {
        assertThat(store.describe()).isEqualTo("etcd " + server.endpoint() + " (keys liquid5gc/registry/*)");
    }
}
