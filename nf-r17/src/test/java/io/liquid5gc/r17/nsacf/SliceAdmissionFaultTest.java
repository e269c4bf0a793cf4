package io.liquid5gc.r17.nsacf;

import static io.liquid5gc.r17.nsacf.SliceAdmissionTest.LIMITED;
import static io.liquid5gc.r17.nsacf.SliceAdmissionTest.ue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import io.liquid5gc.store.redis.TestStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: an NSACF admission in flight in a process that is killed, on the Redis engine the NSACF uses. Its PENDING
 * marker used to hold the UE's place for 30 s, so the UE's retry was refused (503, then 5GMM #22 / #69 at the AMF)
 * until it expired; the marker is now a lease owned by its request, and the retry takes it over. An owner that is
 * only slow (slower than its lease) takes its count back when it finds its marker taken over: the UE counts once.
 */
class SliceAdmissionFaultTest {

    private static final String SUPI = "imsi-001010000000042";
    private static final String MARKER = "nsacf/ue/1-010203/" + SUPI;
    private static final String COUNTER = "nsacf/count/ue/1-010203";
    private static final Duration LEASE = Duration.ofMillis(800);
    private static final NsacfProperties CONFIG = new NsacfProperties(List.of(new NsacfProperties.Slice(1, "010203", 3L, 2L)), LEASE);

    @Test
    void whenTheAdmittingProcessWasKilledBeforeDeciding_thenTheUesRetryTakesItsMarkerOverAndIsAdmitted() {
        KeyValueStore redis = TestStores.redis();
        // the admitting process dies (kill -9) right after claiming the marker: nothing of it runs after that point
        KeyValueStore dying = (KeyValueStore) Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(), new Class<?>[] {KeyValueStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("increment")) {
                        throw new Killed();
                    }
                    try {
                        return method.invoke(redis, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertThatThrownBy(() -> new SliceAdmission(dying, CONFIG).handleCheck(ue(SUPI, null, LIMITED))).isInstanceOf(Killed.class);
        assertThat(redis.get(MARKER)).as("the marker the killed process left").hasValueSatisfying(v ->
                assertThat(new String(v, StandardCharsets.US_ASCII)).startsWith("PENDING"));
        SliceAdmission nsacf = new SliceAdmission(redis, CONFIG); // another NSACF process, same Redis

        SliceAdmissionResponse retry = nsacf.handleCheck(ue(SUPI, null, LIMITED));

        assertThat(retry.acuFailureList()).as("admitted, not refused").isEmpty();
        assertThat(nsacf.current(COUNTER)).isEqualTo(1);
        assertThat(redis.get(MARKER)).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.US_ASCII)).isEqualTo("ADMITTED"));
        // and once admitted it stays counted once
        assertThat(nsacf.handleCheck(ue(SUPI, null, LIMITED)).acuFailureList()).isEmpty();
        assertThat(nsacf.current(COUNTER)).isEqualTo(1);
    }

    /** What a kill -9 does to the code that was running: it stops, no catch, no finally that talks to the store. */
    private static final class Killed extends Error {
    }

    @Test
    void whenTheOwnerIsSlowerThanItsLease_thenTheRequestThatTookOverDecidesAndTheUeIsCountedOnce() throws Exception {
        KeyValueStore redis = TestStores.redis();
        CountDownLatch claimed = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        // the slow owner: its first count comes after its lease has run out (a pause, a stalled connection)
        KeyValueStore slow = (KeyValueStore) Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(), new Class<?>[] {KeyValueStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("increment") && first.getAndSet(false)) {
                        claimed.countDown();
                        Thread.sleep(LEASE.multipliedBy(3));
                    }
                    try {
                        return method.invoke(redis, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SliceAdmission owner = new SliceAdmission(slow, CONFIG);
        SliceAdmission other = new SliceAdmission(redis, CONFIG);

        CompletableFuture<SliceAdmissionResponse> slowOne = CompletableFuture.supplyAsync(() -> owner.handleCheck(ue(SUPI, null, LIMITED)));
        assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();
        SliceAdmissionResponse takenOver = other.handleCheck(ue(SUPI, null, LIMITED));
        SliceAdmissionResponse late = slowOne.get(60, TimeUnit.SECONDS);

        assertThat(takenOver.acuFailureList()).isEmpty();
        assertThat(late.acuFailureList()).isEmpty();
        assertThat(other.current(COUNTER)).as("one UE, one place").isEqualTo(1);
    }
}
