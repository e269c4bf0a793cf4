package io.liquid5gc.runtime.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KeyValueStore} must have. One subclass per implementation (in-process, Redis,
 * etcd) supplies the store and a way to let time pass; the tests here are the contract.
 */
public abstract class StoreCompatibilityKit {

    protected KeyValueStore store;
    /** Every test writes under its own prefix, so runs against a shared server never see each other. */
    protected String ns;

    /** A store connected to the implementation under test. */
    protected abstract KeyValueStore newStore();

    /** Lets at least {@code d} pass for expiry (a fake clock advances; a real server is waited for). */
    protected abstract void letTimePass(Duration d) throws InterruptedException;

    /** The shortest TTL the implementation honours (etcd leases are whole seconds). */
    protected Duration shortTtl() {
        return Duration.ofSeconds(1);
    }

    @BeforeEach
    void openStore() {
        store = newStore();
        ns = "kit/" + UUID.randomUUID() + "/";
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static String s(Optional<byte[]> v) {
        return v.map(x -> new String(x, UTF_8)).orElse(null);
    }

    @Test
    void whenPut_thenGetReturnsIt() {
        store.put(ns + "a", b("one"));
        assertThat(s(store.get(ns + "a"))).isEqualTo("one");
    }

    @Test
    void whenKeyAbsent_thenGetIsEmpty() {
        assertThat(store.get(ns + "missing")).isEmpty();
    }

    @Test
    void whenPutTwice_thenLastWins() {
        store.put(ns + "a", b("one"));
        store.put(ns + "a", b("two"));
        assertThat(s(store.get(ns + "a"))).isEqualTo("two");
    }

    @Test
    void whenValueIsBinary_thenEveryByteSurvives() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        store.put(ns + "bin", all);
        assertThat(store.get(ns + "bin")).hasValueSatisfying(v -> assertThat(v).containsExactly(all));
    }

    @Test
    void whenCallerMutatesArrays_thenStoredValueIsUnaffected() {
        byte[] v = b("abc");
        store.put(ns + "m", v);
        v[0] = 'x';
        store.get(ns + "m").orElseThrow()[1] = 'y';
        assertThat(s(store.get(ns + "m"))).isEqualTo("abc");
    }

    @Test
    void whenCasExpectsAbsentAndKeyIsAbsent_thenItSets() {
        assertThat(store.compareAndSet(ns + "c", null, b("v1"), null)).isTrue();
        assertThat(s(store.get(ns + "c"))).isEqualTo("v1");
    }

    @Test
    void whenCasExpectsAbsentAndKeyIsPresent_thenItFails() {
        store.put(ns + "c", b("v1"));
        assertThat(store.compareAndSet(ns + "c", null, b("v2"), null)).isFalse();
        assertThat(s(store.get(ns + "c"))).isEqualTo("v1");
    }

    @Test
    void whenCasExpectedMatches_thenItSwaps() {
        store.put(ns + "c", b("v1"));
        assertThat(store.compareAndSet(ns + "c", b("v1"), b("v2"), null)).isTrue();
        assertThat(s(store.get(ns + "c"))).isEqualTo("v2");
    }

    @Test
    void whenCasExpectedDiffers_thenNothingChanges() {
        store.put(ns + "c", b("v1"));
        assertThat(store.compareAndSet(ns + "c", b("other"), b("v2"), null)).isFalse();
        assertThat(store.compareAndSet(ns + "absent", b("v1"), b("v2"), null)).isFalse();
        assertThat(s(store.get(ns + "c"))).isEqualTo("v1");
        assertThat(store.get(ns + "absent")).isEmpty();
    }

    @Test
    void whenCasWritesNull_thenKeyIsDeleted() {
        store.put(ns + "c", b("v1"));
        assertThat(store.compareAndSet(ns + "c", b("v1"), null, null)).isTrue();
        assertThat(store.get(ns + "c")).isEmpty();
    }

    @Test
    void whenDeleted_thenGoneAndSecondDeleteSaysSo() {
        store.put(ns + "d", b("x"));
        assertThat(store.delete(ns + "d")).isTrue();
        assertThat(store.get(ns + "d")).isEmpty();
        assertThat(store.delete(ns + "d")).isFalse();
    }

    @Test
    void whenScanning_thenOnlyThePrefixInKeyOrderUpToTheLimit() {
        String p = ns + "scan*?[x]/";
        for (int i = 9; i >= 0; i--) {
            store.put(p + i, b("v" + i));
        }
        store.put(ns + "scan-other/1", b("no"));
        store.put(ns + "scan*?[x]", b("not under the prefix"));
        SortedMap<String, byte[]> all = store.scan(p, 100);
        assertThat(all.keySet()).containsExactly(p + 0, p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9);
        assertThat(new String(all.get(p + 3), UTF_8)).isEqualTo("v3");
        assertThat(store.scan(p, 3)).hasSize(3);
        assertThat(store.scan(ns + "nothing-here/", 10)).isEmpty();
    }

    @Test
    void whenIncrementing_thenCountsFromZeroAndReturnsNewValue() {
        assertThat(store.increment(ns + "n", 1)).isEqualTo(1);
        assertThat(store.increment(ns + "n", 5)).isEqualTo(6);
        assertThat(store.increment(ns + "n", -2)).isEqualTo(4);
        assertThat(s(store.get(ns + "n"))).isEqualTo("4");
    }

    @Test
    void whenIncrementingAValueThatIsNotACounter_thenStoreException() {
        store.put(ns + "text", b("hello"));
        assertThatThrownBy(() -> store.increment(ns + "text", 1)).isInstanceOf(StoreException.class);
    }

    @Test
    void whenManyThreadsIncrement_thenTheCountIsExact() throws Exception {
        int threads = 8;
        int each = 200;
        runConcurrently(threads, () -> {
            for (int i = 0; i < each; i++) {
                store.increment(ns + "race", 1);
            }
        });
        assertThat(s(store.get(ns + "race"))).isEqualTo(Integer.toString(threads * each));
    }

    @Test
    void whenManyThreadsUpdate_thenNoUpdateIsLost() throws Exception {
        int threads = 6;
        int each = 40;
        runConcurrently(threads, () -> {
            for (int i = 0; i < each; i++) {
                store.update(ns + "list", cur -> Optional.of(b(cur.map(v -> new String(v, UTF_8)).orElse("") + "x")), null);
            }
        });
        assertThat(s(store.get(ns + "list"))).hasSize(threads * each);
    }

    @Test
    void whenUpdateReturnsEmpty_thenKeyIsDeleted() {
        store.put(ns + "u", b("x"));
        assertThat(store.update(ns + "u", cur -> Optional.empty(), null)).isEmpty();
        assertThat(store.get(ns + "u")).isEmpty();
    }

    @Test
    void whenTtlElapses_thenEntryIsGoneEverywhere() throws Exception {
        store.put(ns + "t/short", b("x"), shortTtl());
        store.put(ns + "t/forever", b("y"));
        assertThat(store.get(ns + "t/short")).isPresent();
        letTimePass(shortTtl().multipliedBy(3));
        assertThat(store.get(ns + "t/short")).isEmpty();
        assertThat(store.scan(ns + "t/", 10).keySet()).containsExactly(ns + "t/forever");
        assertThat(store.compareAndSet(ns + "t/short", null, b("again"), null)).isTrue();
    }

    @Test
    void whenCasSetsTtl_thenItExpires() throws Exception {
        assertThat(store.compareAndSet(ns + "lease", null, b("held"), shortTtl())).isTrue();
        letTimePass(shortTtl().multipliedBy(3));
        assertThat(store.get(ns + "lease")).isEmpty();
    }

    @Test
    void whenKeysAreUnicode_thenTheyRoundTrip() {
        store.put(ns + "ключ/✓", b("ok"));
        assertThat(s(store.get(ns + "ключ/✓"))).isEqualTo("ok");
        assertThat(store.scan(ns + "ключ/", 10)).containsKey(ns + "ключ/✓");
    }

    /**
     * Where the marked-count tests write: {@link #ns} unless the implementation under test keeps every {@code ns} key in
     * an index (where a marked count is refused by contract).
     */
    protected String markedNs() {
        return ns;
    }

    private static final byte[] ADMITTED = b("ADMITTED");

    private String counter() {
        return markedNs() + "count/s1";
    }

    private String marker(int member) {
        return markedNs() + "member/m" + member + "/s1";
    }

    @Test
    void whenAMemberIsCountedTwice_thenItCountsOnceAndItsMarkerIsWritten() {
        MarkedCount first = store.countMarked(counter(), 1, null, marker(1), null, ADMITTED);
        assertThat(first).isEqualTo(new MarkedCount(MarkedCount.Outcome.COUNTED, 1));
        assertThat(s(store.get(marker(1)))).isEqualTo("ADMITTED");
        assertThat(store.countMarked(counter(), 1, null, marker(1), null, ADMITTED))
                .isEqualTo(new MarkedCount(MarkedCount.Outcome.MARKER_DIFFERS, 1));
        assertThat(store.countMarked(counter(), 1, null, marker(2), null, ADMITTED).count()).isEqualTo(2);
        assertThat(s(store.get(counter()))).isEqualTo("2");
    }

    @Test
    void whenTheLimitIsReached_thenNothingIsWrittenAndTheCurrentCountIsTold() {
        assertThat(store.countMarked(counter(), 1, 1L, marker(1), null, ADMITTED).counted()).isTrue();
        assertThat(store.countMarked(counter(), 1, 1L, marker(2), null, ADMITTED))
                .isEqualTo(new MarkedCount(MarkedCount.Outcome.OVER_LIMIT, 1));
        assertThat(store.get(marker(2))).isEmpty();
        assertThat(store.countMarked(counter(), 1, 0L, marker(3), null, ADMITTED).outcome()).isEqualTo(MarkedCount.Outcome.OVER_LIMIT);
        assertThat(s(store.get(counter()))).isEqualTo("1");
    }

    @Test
    void whenCountingDown_thenOnlyAMarkedMemberCountsAndItsMarkerGoes() {
        store.countMarked(counter(), 1, null, marker(1), null, ADMITTED);
        store.countMarked(counter(), 1, null, marker(2), null, ADMITTED);
        assertThat(store.countMarked(counter(), -1, null, marker(3), ADMITTED, null))
                .isEqualTo(new MarkedCount(MarkedCount.Outcome.MARKER_DIFFERS, 2));
        assertThat(store.countMarked(counter(), -1, null, marker(1), ADMITTED, null))
                .isEqualTo(new MarkedCount(MarkedCount.Outcome.COUNTED, 1));
        assertThat(store.get(marker(1))).isEmpty();
        assertThat(store.countMarked(counter(), -1, null, marker(1), ADMITTED, null).outcome()).isEqualTo(MarkedCount.Outcome.MARKER_DIFFERS);
        assertThat(s(store.get(counter()))).isEqualTo("1");
    }

    @Test
    void whenTheCounterWasResetUnderALiveMarker_thenCountingDownStaysAtZero() {
        store.countMarked(counter(), 1, null, marker(1), null, ADMITTED);
        store.delete(counter());
        assertThat(store.countMarked(counter(), -1, null, marker(1), ADMITTED, null))
                .isEqualTo(new MarkedCount(MarkedCount.Outcome.COUNTED, 0));
        assertThat(store.get(marker(1))).isEmpty();
        assertThat(store.increment(counter(), 0)).isZero();
    }

    @Test
    void whenTheCounterHoldsText_thenAMarkedCountIsAStoreExceptionAndWritesNothing() {
        store.put(counter(), b("hello"));
        assertThatThrownBy(() -> store.countMarked(counter(), 1, null, marker(1), null, ADMITTED)).isInstanceOf(StoreException.class);
        assertThat(store.get(marker(1))).isEmpty();
    }

    @Test
    void whenManyThreadsCountTheSameMembersToALimit_thenExactlyTheLimitIsCountedEachOnce() throws Exception {
        int members = 40;
        long limit = 25;
        java.util.concurrent.atomic.AtomicInteger counted = new java.util.concurrent.atomic.AtomicInteger();
        runConcurrently(6, () -> {
            for (int i = 0; i < members; i++) {
                if (store.countMarked(counter(), 1, limit, marker(i), null, ADMITTED).counted()) {
                    counted.incrementAndGet();
                }
            }
        });
        assertThat(counted).hasValue((int) limit);
        assertThat(s(store.get(counter()))).isEqualTo(Long.toString(limit));
        long marked = java.util.stream.IntStream.range(0, members).filter(i -> store.get(marker(i)).isPresent()).count();
        assertThat(marked).isEqualTo(limit);
        // and down again, each member once, from as many threads
        java.util.concurrent.atomic.AtomicInteger released = new java.util.concurrent.atomic.AtomicInteger();
        runConcurrently(6, () -> {
            for (int i = 0; i < members; i++) {
                if (store.countMarked(counter(), -1, null, marker(i), ADMITTED, null).counted()) {
                    released.incrementAndGet();
                }
            }
        });
        assertThat(released).hasValue((int) limit);
        assertThat(s(store.get(counter()))).isEqualTo("0");
    }

    private static void runConcurrently(int threads, Runnable task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }
}
