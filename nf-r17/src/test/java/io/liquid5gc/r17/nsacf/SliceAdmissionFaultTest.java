package io.liquid5gc.r17.nsacf;

import static io.liquid5gc.r17.nsacf.SliceAdmissionTest.LIMITED;
import static io.liquid5gc.r17.nsacf.SliceAdmissionTest.pdu;
import static io.liquid5gc.r17.nsacf.SliceAdmissionTest.ue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.nsacf.AcuOperationItem;
import io.liquid5gc.store.redis.TestStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An NSACF admission in a process that is killed, on the Redis engine the NSACF uses. The count and the UE's marker are
 * one store step, so a kill anywhere leaves both written or neither: the UE's retry is decided at once and the count
 * is always the number of admitted UEs. (The earlier two-step admission left a counted place that no UE held when the
 * process died between its count and its decision: this test's first case counted that UE twice.)
 */
class SliceAdmissionFaultTest {

    private static final String COUNTER = "nsacf/count/ue/1-010203";
    private static final NsacfProperties CONFIG = new NsacfProperties(List.of(new NsacfProperties.Slice(1, "010203", 100L, 100L)));
    private static final Set<String> COUNTING = Set.of("countMarked", "increment");

    /** A store of a process that is killed (kill -9) right before or right after its first call that counts. */
    private static KeyValueStore dying(KeyValueStore store, boolean afterTheCall) {
        boolean[] dead = {false};
        return (KeyValueStore) Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(), new Class<?>[] {KeyValueStore.class},
                (proxy, method, args) -> {
                    boolean counts = COUNTING.contains(method.getName());
                    if (dead[0] || (counts && !afterTheCall)) {
                        dead[0] = true;
                        throw new Killed();
                    }
                    try {
                        Object result = method.invoke(store, args);
                        if (counts) {
                            dead[0] = true;
                            throw new Killed(); // the store did its step; the process died before it could answer
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** What a kill -9 does to the code that was running: it stops, no catch, no finally that talks to the store. */
    private static final class Killed extends Error {
    }

    @Test
    void whenAdmittingProcessesAreKilledBeforeOrAfterTheirStoreStep_thenEveryRetryIsAdmittedAndEachUeCountsOnce() {
        KeyValueStore redis = TestStores.redis();
        SliceAdmission healthy = new SliceAdmission(redis, CONFIG); // another NSACF process, same Redis
        int ues = 20;
        for (int i = 0; i < ues; i++) {
            String supi = String.format("imsi-00101%010d", i);
            KeyValueStore store = dying(redis, i % 2 == 1);
            assertThatThrownBy(() -> new SliceAdmission(store, CONFIG).handleCheck(ue(supi, null, LIMITED))).isInstanceOf(Killed.class);

            assertThat(healthy.handleCheck(ue(supi, null, LIMITED)).acuFailureList()).as("the retry of %s is admitted", supi).isEmpty();
            assertThat(redis.get(SliceAdmission.ueMarker(supi, LIMITED))).hasValueSatisfying(v ->
                    assertThat(new String(v, StandardCharsets.US_ASCII)).isEqualTo("ADMITTED"));
        }
        assertThat(healthy.current(COUNTER)).as("one place per UE, none leaked by the kills").isEqualTo(ues);
        assertThat(redis.scan("nsacf/ue/", 1000)).hasSize(ues);
    }

    @Test
    void whenReleasingProcessesAreKilledAfterTheirStoreStep_thenTheRetriedReleaseDoesNotCountDownAgain() {
        KeyValueStore redis = TestStores.redis();
        SliceAdmission healthy = new SliceAdmission(redis, CONFIG);
        for (int i = 0; i < 4; i++) {
            healthy.handleCheck(ue(String.format("imsi-00101%010d", i), null, LIMITED));
        }
        String supi = "imsi-001010000000000";
        KeyValueStore store = dying(redis, true);
        assertThatThrownBy(() -> new SliceAdmission(store, CONFIG).handleUpdate(ue(supi, AcuOperationItem.DECREASE, LIMITED)))
                .isInstanceOf(Killed.class);
        assertThat(healthy.current(COUNTER)).isEqualTo(3);

        assertThat(healthy.handleUpdate(ue(supi, AcuOperationItem.DECREASE, LIMITED)).ueAdmissionList().getFirst().currentNumber())
                .as("the AMF's retry of the release").isEqualTo(3);
        assertThat(healthy.current(COUNTER)).isEqualTo(3);
        assertThat(redis.get(SliceAdmission.ueMarker(supi, LIMITED))).isEmpty();
    }

    @Test
    void whenMarkersOfTheEarlierVersionAreThere_thenTheFirstStartMovesThemAndTheCountsStand() {
        KeyValueStore redis = TestStores.redis();
        byte[] admitted = SliceAdmission.ADMITTED;
        // what the earlier version left: 3 UEs admitted (one of them admitted again since, by the new version), one
        // admission PENDING, 2 PDU sessions of one UE
        for (int i = 1; i <= 3; i++) {
            redis.put(LegacyMarkers.ueKey("1-010203", "imsi-00101000000000" + i), admitted);
        }
        redis.put(SliceAdmission.ueMarker("imsi-001010000000003", LIMITED), admitted);
        redis.increment(COUNTER, 4); // the UE admitted again was counted twice
        redis.put(LegacyMarkers.ueKey("1-010203", "imsi-001010000000009"), "PENDING owner/1".getBytes(StandardCharsets.US_ASCII));
        redis.put(LegacyMarkers.pduKey("1-010203", "imsi-001010000000001", 1), admitted);
        redis.put(LegacyMarkers.pduKey("1-010203", "imsi-001010000000001", 2), admitted);
        redis.increment("nsacf/count/pdu/1-010203", 2);

        SliceAdmission nsacf = new SliceAdmission(redis, CONFIG);

        assertThat(redis.get(LegacyMarkers.DONE)).isPresent();
        assertThat(nsacf.current(COUNTER)).as("3 UEs, each once").isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(redis.get(LegacyMarkers.ueKey("1-010203", "imsi-00101000000000" + i))).isEmpty();
            assertThat(redis.get(SliceAdmission.ueMarker("imsi-00101000000000" + i, LIMITED))).isPresent();
        }
        assertThat(redis.get(LegacyMarkers.ueKey("1-010203", "imsi-001010000000009"))).as("PENDING: left to its lease").isPresent();
        assertThat(redis.get(SliceAdmission.pduMarker("imsi-001010000000001", 2, LIMITED))).isPresent();
        // the moved UEs and sessions are released as any other
        assertThat(nsacf.handleUpdate(ue("imsi-001010000000002", AcuOperationItem.DECREASE, LIMITED)).ueAdmissionList().getFirst().currentNumber()).isEqualTo(2);
        assertThat(nsacf.handleUpdate(pdu("imsi-001010000000001", 2, AcuOperationItem.DECREASE, LIMITED)).pduAdmissionList().getFirst().currentNumber()).isEqualTo(1);
        // a re-admission after the move does not count again
        assertThat(nsacf.handleCheck(ue("imsi-001010000000001", null, LIMITED)).ueAdmissionList().getFirst().currentNumber()).isEqualTo(2);
    }

    @Test
    void whenTheMoveIsNotDoneYet_thenAReleaseOfAUeAdmittedByTheEarlierVersionStillFreesItsPlace() {
        KeyValueStore redis = TestStores.redis();
        redis.put(LegacyMarkers.ueKey("1-010203", "imsi-001010000000001"), SliceAdmission.ADMITTED);
        redis.increment(COUNTER, 1);
        LegacyMarkers notMovedYet = new LegacyMarkers(redis); // a process whose start could not move them (store down)

        assertThat(notMovedYet.countDown(COUNTER, LegacyMarkers.ueKey("1-010203", "imsi-001010000000001")))
                .hasValueSatisfying(c -> assertThat(c.count()).isZero());
        assertThat(notMovedYet.countDown(COUNTER, LegacyMarkers.ueKey("1-010203", "imsi-001010000000001"))).isEmpty();
        assertThat(redis.increment(COUNTER, 0)).isZero();
    }
}
