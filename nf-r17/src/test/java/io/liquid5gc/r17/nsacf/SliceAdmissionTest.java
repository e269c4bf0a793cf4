package io.liquid5gc.r17.nsacf;

import io.liquid5gc.store.redis.TestStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.MarkedCount;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nsacf.AcuFailureItem;
import io.liquid5gc.sbi.nsacf.AcuOperationItem;
import io.liquid5gc.sbi.nsacf.PduACRequestInfo;
import io.liquid5gc.sbi.nsacf.SliceAdmissionRequest;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import io.liquid5gc.sbi.nsacf.UeACRequestInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** nsacf-slice-availability-check / nsacf-update-counters (TS 29.536, TS 23.502 4.2.11) on memory and Redis. */
class SliceAdmissionTest {

    static final Snssai LIMITED = new Snssai(1, "010203");
    static final Snssai FREE = new Snssai(2, null);
    static final NsacfProperties CONFIG = new NsacfProperties(List.of(new NsacfProperties.Slice(1, "010203", 3L, 2L)));

    static SliceAdmissionRequest ue(String supi, String flag, Snssai... slices) {
        return SliceAdmissionRequest.ofUe(new UeACRequestInfo(supi, "3GPP_ACCESS",
                java.util.Arrays.stream(slices).map(s -> new AcuOperationItem(flag, s, null)).toList()));
    }

    static SliceAdmissionRequest pdu(String supi, int id, String flag, Snssai slice) {
        return SliceAdmissionRequest.ofPdu(new PduACRequestInfo(supi, "3GPP_ACCESS", id, List.of(new AcuOperationItem(flag, slice, null))));
    }

    abstract static class Contract {

        KeyValueStore store;
        SliceAdmission nsacf;

        abstract KeyValueStore newStore();

        @BeforeEach
        void setUp() {
            store = newStore();
            nsacf = new SliceAdmission(store, CONFIG);
        }

        long count(String key) {
            return nsacf.current(key);
        }

        @Test
        void whenUesRegister_thenTheyAreCountedUpToTheMaximumAndTheNextIsRefused() {
            for (int i = 1; i <= 3; i++) {
                SliceAdmissionResponse r = nsacf.handleCheck(ue("imsi-00101000000000" + i, null, LIMITED, FREE));
                assertThat(r.allAdmitted()).isTrue();
                assertThat(r.ueAdmissionList().getFirst().currentNumber()).isEqualTo(i);
                assertThat(r.ueAdmissionList().getFirst().maxNumUes()).isEqualTo(3);
            }
            SliceAdmissionResponse full = nsacf.handleCheck(ue("imsi-001010000000004", null, LIMITED, FREE));
            assertThat(full.allAdmitted()).isFalse();
            assertThat(full.acuFailureList().get("imsi-001010000000004"))
                    .containsExactly(new AcuFailureItem(LIMITED, AcuFailureItem.EXCEED_MAX_UE_NUM, null));
            assertThat(count("nsacf/count/ue/1-010203")).isEqualTo(3);
            assertThat(count("nsacf/count/ue/2")).isEqualTo(4); // not limited, still counted
        }

        @Test
        void whenTheSameUeIsAdmittedTwice_thenItIsCountedOnce() {
            nsacf.handleCheck(ue("imsi-001010000000001", null, LIMITED));
            nsacf.handleCheck(ue("imsi-001010000000001", null, LIMITED));
            nsacf.handleUpdate(ue("imsi-001010000000001", AcuOperationItem.INCREASE, LIMITED));
            assertThat(count("nsacf/count/ue/1-010203")).isEqualTo(1);
        }

        @Test
        void whenUesDeregister_thenCountersGoDownButNeverBelowZero() {
            nsacf.handleCheck(ue("imsi-001010000000001", null, LIMITED));
            nsacf.handleCheck(ue("imsi-001010000000002", null, LIMITED));
            nsacf.handleUpdate(ue("imsi-001010000000001", AcuOperationItem.DECREASE, LIMITED));
            nsacf.handleUpdate(ue("imsi-001010000000001", AcuOperationItem.DECREASE, LIMITED)); // retried
            nsacf.handleUpdate(ue("imsi-001010000000009", AcuOperationItem.DECREASE, LIMITED)); // never counted
            assertThat(count("nsacf/count/ue/1-010203")).isEqualTo(1);
            nsacf.handleUpdate(ue("imsi-001010000000002", AcuOperationItem.DECREASE, LIMITED));
            nsacf.handleUpdate(ue("imsi-001010000000002", AcuOperationItem.DECREASE, LIMITED));
            assertThat(count("nsacf/count/ue/1-010203")).isZero();
        }

        @Test
        void whenPduSessionsExceedTheSliceQuota_thenExceedMaxPduNumAndAReleaseMakesRoom() {
            assertThat(nsacf.handleCheck(pdu("imsi-001010000000001", 1, null, LIMITED)).allAdmitted()).isTrue();
            assertThat(nsacf.handleCheck(pdu("imsi-001010000000001", 2, null, LIMITED)).allAdmitted()).isTrue();
            assertThat(nsacf.handleCheck(pdu("imsi-001010000000001", 2, null, LIMITED)).allAdmitted()).isTrue(); // retry
            SliceAdmissionResponse full = nsacf.handleCheck(pdu("imsi-001010000000002", 1, null, LIMITED));
            assertThat(full.acuFailureList().get("imsi-001010000000002").getFirst().reason()).isEqualTo(AcuFailureItem.EXCEED_MAX_PDU_NUM);
            assertThat(full.pduAdmissionList().getFirst().maxNumPdus()).isEqualTo(2);
            nsacf.handleUpdate(pdu("imsi-001010000000001", 1, AcuOperationItem.DECREASE, LIMITED));
            assertThat(nsacf.handleCheck(pdu("imsi-001010000000002", 1, null, LIMITED)).allAdmitted()).isTrue();
            assertThat(count("nsacf/count/pdu/1-010203")).isEqualTo(2);
        }

        @Test
        void whenManyUesRaceForTheLastPlaces_thenExactlyTheMaximumIsAdmitted() throws Exception {
            List<Future<SliceAdmissionResponse>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    String supi = String.format("imsi-00101%010d", i);
                    answers.add(pool.submit(() -> nsacf.handleCheck(ue(supi, null, LIMITED))));
                }
            }
            long admitted = 0;
            for (Future<SliceAdmissionResponse> f : answers) {
                admitted += f.get().allAdmitted() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(3);
            assertThat(count("nsacf/count/ue/1-010203")).isEqualTo(3);
        }

        @Test
        void whenTheSameUeIsAdmittedConcurrently_thenItIsCountedOnceAndOnAFullSliceNeverAdmitted() throws Exception {
            List<Future<SliceAdmissionResponse>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 50; i++) {
                    answers.add(pool.submit(() -> nsacf.handleCheck(ue("imsi-001010000000001", null, LIMITED))));
                }
            }
            for (Future<SliceAdmissionResponse> f : answers) {
                assertThat(f.get().allAdmitted()).isTrue();
            }
            assertThat(count("nsacf/count/ue/1-010203")).isEqualTo(1);
            nsacf.handleCheck(ue("imsi-001010000000002", null, LIMITED));
            nsacf.handleCheck(ue("imsi-001010000000003", null, LIMITED)); // full now
            answers.clear();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 50; i++) {
                    answers.add(pool.submit(() -> nsacf.handleCheck(ue("imsi-001010000000009", null, LIMITED))));
                }
            }
            for (Future<SliceAdmissionResponse> f : answers) {
                assertThat(f.get().allAdmitted()).isFalse();
            }
            assertThat(count("nsacf/count/ue/1-010203")).isEqualTo(3);
            assertThat(store.get("nsacf/ue/imsi-001010000000009/1-010203")).isEmpty();
        }

        @Test
        void whenTheRequestIsMalformed_thenTheAnswerIs400() {
            assertThatThrownBy(() -> nsacf.handleCheck(new SliceAdmissionRequest(null, null, null, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> nsacf.handleCheck(ue("bob", null, LIMITED)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> nsacf.handleUpdate(ue("imsi-001010000000001", "SIDEWAYS", LIMITED)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> nsacf.handleCheck(pdu("imsi-001010000000001", 0, null, LIMITED)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        KeyValueStore newStore() {
            return TestStores.memory();
        }
    }

    @Nested
    class OnRedis extends Contract {
        @Override
        KeyValueStore newStore() {
            return TestStores.redis();
        }
    }

    @Test
    void whenTheStoreFailsWhileCounting_thenTheUeIsNotAdmitted() {
        AtomicInteger calls = new AtomicInteger();
        KeyValueStore memory = TestStores.memory();
        KeyValueStore failing = new KeyValueStore() {
            public Optional<byte[]> get(String key) {
                return memory.get(key);
            }

            public void put(String key, byte[] value, Duration ttl) {
                memory.put(key, value, ttl);
            }

            public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
                return memory.compareAndSet(key, expected, value, ttl);
            }

            public boolean delete(String key) {
                return memory.delete(key);
            }

            public SortedMap<String, byte[]> scan(String prefix, int limit) {
                return memory.scan(prefix, limit);
            }

            public long increment(String key, long delta) {
                return memory.increment(key, delta);
            }

            public MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value) {
                calls.incrementAndGet();
                throw new StoreException("redis://127.0.0.1:1 unreachable");
            }

            public String describe() {
                return "failing";
            }
        };
        SliceAdmission nsacf = new SliceAdmission(failing, CONFIG);
        assertThatThrownBy(() -> nsacf.handleCheck(ue("imsi-001010000000001", null, LIMITED)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(calls).hasValue(1);
        assertThat(memory.get("nsacf/ue/imsi-001010000000001/1-010203")).isEmpty(); // nothing written: a retry can count
        assertThat(new String(memory.get("nsacf/count/ue/1-010203").orElse("0".getBytes()), StandardCharsets.US_ASCII)).isEqualTo("0");
    }
}
