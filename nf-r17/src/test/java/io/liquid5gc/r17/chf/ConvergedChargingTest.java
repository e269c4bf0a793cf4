package io.liquid5gc.r17.chf;

import io.liquid5gc.store.redis.TestStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.chf.ChargingDataRequest;
import io.liquid5gc.sbi.chf.ChargingDataResponse;
import io.liquid5gc.sbi.chf.MultipleUnitInformation;
import io.liquid5gc.sbi.chf.MultipleUnitUsage;
import io.liquid5gc.sbi.chf.NfConsumerIdentification;
import io.liquid5gc.sbi.chf.RequestedUnit;
import io.liquid5gc.sbi.chf.UsedUnitContainer;
import io.liquid5gc.sbi.common.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** chf-charging-create / update / release (TS 32.291) with quota on memory and Redis. */
class ConvergedChargingTest {

    static final String SUPI = "imsi-001010000000001";
    // rating group 1: 1,000 octets for SUPI, 5,000 for everyone else; grants at most 400
    static final ChfProperties CONFIG = new ChfProperties(5_000L, Map.of(2, 0L),
            List.of(new ChfProperties.SubscriberQuota(SUPI, 1, 1_000L)), 400L, 600);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    static ChargingDataRequest request(String ref, String supi, int rg, Long requested, Long used) {
        return new ChargingDataRequest(ref, supi, new NfConsumerIdentification("SMF", "smf-1"), CLOCK.instant(), 1,
                List.of(new MultipleUnitUsage(rg, requested == null ? null : RequestedUnit.ofVolume(requested),
                        used == null ? List.of() : List.of(new UsedUnitContainer(null, used, null, null, 1)))), null);
    }

    abstract static class Contract {

        ConvergedCharging chf;

        abstract KeyValueStore newStore();

        @BeforeEach
        void setUp() {
            chf = new ConvergedCharging(newStore(), new JsonMapper(), CONFIG, CLOCK);
        }

        @Test
        void whenCreated_thenUnitsAreGrantedUpToTheMaximumGrantAndTheRecordIsOpen() {
            ChargingDataResponse r = chf.handleCreate(request(null, SUPI, 1, 10_000L, null));
            assertThat(r.chargingDataRef()).isNotBlank();
            MultipleUnitInformation m = r.multipleUnitInformation().getFirst();
            assertThat(m.resultCode()).isEqualTo("SUCCESS");
            assertThat(m.grantedUnit().totalVolume()).isEqualTo(400);
            assertThat(m.validityTime()).isEqualTo(600);
            assertThat(m.finalUnitIndication()).isNull();
            ChargingRecord cdr = chf.find(r.chargingDataRef()).orElseThrow();
            assertThat(cdr.status()).isEqualTo("OPEN");
            assertThat(cdr.openedAt()).isEqualTo(CLOCK.instant());
            assertThat(cdr.entries()).hasSize(1);
        }

        @Test
        void whenUpdatesConsumeTheQuota_thenTheLastGrantIsFinalAndThenQuotaLimitReached() {
            String ref = chf.handleCreate(request(null, SUPI, 1, 400L, null)).chargingDataRef();
            MultipleUnitInformation second = chf.handleUpdate(request(ref, SUPI, 1, 400L, 400L)).multipleUnitInformation().getFirst();
            assertThat(second.grantedUnit().totalVolume()).isEqualTo(400); // 600 left
            MultipleUnitInformation third = chf.handleUpdate(request(ref, SUPI, 1, 400L, 400L)).multipleUnitInformation().getFirst();
            assertThat(third.grantedUnit().totalVolume()).isEqualTo(200); // 200 left: the last units
            assertThat(third.finalUnitIndication().finalUnitAction()).isEqualTo("TERMINATE");
            MultipleUnitInformation none = chf.handleUpdate(request(ref, SUPI, 1, 400L, 200L)).multipleUnitInformation().getFirst();
            assertThat(none.resultCode()).isEqualTo(MultipleUnitInformation.QUOTA_LIMIT_REACHED);
            assertThat(none.grantedUnit()).isNull();
            assertThat(chf.find(ref).orElseThrow().usedVolume()).isEqualTo(1_000);
        }

        @Test
        void whenTheCallerIsProvenByItsToken_thenTheRecordNamesItAndNotWhatTheBodyClaims() {
            ChargingDataResponse r = io.liquid5gc.sbi.security.Caller.callAs(io.liquid5gc.sbi.security.Caller.ofToken(
                    io.liquid5gc.sbi.security.ConsumerType.SMF, "smf-instance-9"),
                    () -> chf.handleCreate(request(null, "imsi-001010000000004", 1, 10L, null))); // body says smf-1
            assertThat(chf.find(r.chargingDataRef()).orElseThrow().entries().getFirst().consumer()).isEqualTo("SMF smf-instance-9");
        }

        @Test
        void whenTheRatingGroupHasNoQuota_thenCreateAnswersQuotaLimitReached() {
            ChargingDataResponse r = chf.handleCreate(request(null, "imsi-001010000000002", 2, 100L, null));
            assertThat(r.allGranted()).isFalse();
            assertThat(r.multipleUnitInformation().getFirst().resultCode()).isEqualTo("QUOTA_LIMIT_REACHED");
        }

        @Test
        void whenReleased_thenFinalUsageIsChargedAndTheRecordIsClosed() {
            String ref = chf.handleCreate(request(null, "imsi-001010000000003", 1, 100L, null)).chargingDataRef();
            ChargingDataResponse r = chf.handleRelease(request(ref, "imsi-001010000000003", 1, null, 70L));
            assertThat(r.multipleUnitInformation()).isEmpty();
            ChargingRecord cdr = chf.find(ref).orElseThrow();
            assertThat(cdr.status()).isEqualTo("CLOSED");
            assertThat(cdr.closedAt()).isEqualTo(CLOCK.instant());
            assertThat(cdr.usedVolume()).isEqualTo(70);
            assertThat(cdr.entries()).extracting(ChargingRecord.Entry::operation).containsExactly("CREATE", "RELEASE");
            assertThatThrownBy(() -> chf.handleUpdate(request(ref, "imsi-001010000000003", 1, 10L, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
            // the balance remembers: 5,000 - 70
            ChargingDataResponse next = chf.handleCreate(request(null, "imsi-001010000000003", 1, 10_000L, null));
            assertThat(next.multipleUnitInformation().getFirst().grantedUnit().totalVolume()).isEqualTo(400);
        }

        @Test
        void whenTheReferenceIsUnknownOrTheRequestMalformed_thenProblems() {
            assertThatThrownBy(() -> chf.handleUpdate(request("nope", SUPI, 1, 1L, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("CHARGING_DATA_NOT_FOUND"));
            assertThatThrownBy(() -> chf.handleCreate(request(null, null, 1, 1L, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> chf.handleRelease(request(null, SUPI, 1, null, null)))
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
}
