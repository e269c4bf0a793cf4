package io.liquid5gc.runtime.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class TenantMeterTest {

    @SuppressWarnings("unchecked")
    private static final FunctionSpec<Object, Object> UDR_READ = (FunctionSpec<Object, Object>) Functions.byName("udr-data-read").orElseThrow();
    @SuppressWarnings("unchecked")
    private static final FunctionSpec<Object, Object> UDM_SDM = (FunctionSpec<Object, Object>) Functions.byName("udm-get-subscriber-data").orElseThrow();

    private final Tenants tenants = new Tenants(new TenantProperties(List.of(
            new TenantProperties.Tenant("campus-a", List.of("1-010203"), List.of()),
            new TenantProperties.Tenant("campus-b", List.of("1-000002"), List.of("00101")),
            new TenantProperties.Tenant("visitor", List.of(), List.of("00102")))));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:59:59.500Z"));
    private final TenantMeter meter = new TenantMeter(meters, MeteringProperties.defaults(), tenants, clock);
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final FunctionDispatcher dispatcher = new FunctionDispatcher(beans, meters, meter);

    @Test
    void whenASliceOrPlmnIsResolved_thenTheFirstMatchingTenantWinsAndNoneIsThePlatform() {
        PlmnId home = new PlmnId("001", "01");
        assertThat(tenants.resolve(new Snssai(1, "010203"), home)).isEqualTo("campus-a");
        assertThat(tenants.resolve(new Snssai(1, "000002"), home)).isEqualTo("campus-b");
        assertThat(tenants.resolve(new Snssai(1, "000002"), new PlmnId("001", "02"))).as("campus-b's PLMN list").isEqualTo("visitor");
        assertThat(tenants.resolve(new Snssai(9, null), home)).isEqualTo(Tenancy.PLATFORM);
        assertThat(tenants.resolveFirst(List.of(new Snssai(9, null), new Snssai(1, "000002")), home)).isEqualTo("campus-b");
        assertThatThrownBy(() -> new TenantProperties.Tenant("Campus A", List.of("1"), List.of())).hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new TenantProperties.Tenant("x", List.of("1-xyz"), List.of())).hasMessageContaining("SST-SD");
        assertThatThrownBy(() -> new TenantProperties.Tenant("platform", List.of("1"), List.of())).hasMessageContaining("serves no UE");
    }

    @Test
    void whenAFunctionCallsAnotherInProcess_thenBothAreBilledToTheTenantBoundByTheCaller() {
        beans.registerSingleton(UDR_READ.name(), (Function<Object, Object>) in -> "read");
        beans.registerSingleton(UDM_SDM.name(), (Function<Object, Object>) in -> dispatcher.invoke(UDR_READ, in, Placement.LOCAL));
        Tenancy.callAs("campus-a", () -> dispatcher.invoke(UDM_SDM, "x", Placement.LOCAL));
        dispatcher.invoke(UDM_SDM, "x", Placement.LOCAL);
        assertThat(count("campus-a", UDM_SDM)).isEqualTo(1);
        assertThat(count("campus-a", UDR_READ)).isEqualTo(1);
        assertThat(count(Tenancy.PLATFORM, UDR_READ)).as("no tenant bound").isEqualTo(1);
    }

    @Test
    void whenATenantIsPassedOn_thenOnlyAnNfProvenByItsTokenNamingAConfiguredTenantIsBelieved() {
        beans.registerSingleton(UDR_READ.name(), (Function<Object, Object>) in -> Tenancy.current());
        Caller udm = Caller.ofToken(ConsumerType.UDM, "udm-1");
        assertThat(dispatcher.invoke(UDR_READ, "x", Placement.HTTP, udm, "campus-b")).isEqualTo("campus-b");
        assertThat(dispatcher.invoke(UDR_READ, "x", Placement.HTTP, udm, "nobody")).isEqualTo(Tenancy.PLATFORM);
        assertThat(dispatcher.invoke(UDR_READ, "x", Placement.LOCAL, Caller.ofFunction(ConsumerType.UDM), "campus-b"))
                .as("in-process callers bind the tenant, they do not write it").isEqualTo(Tenancy.PLATFORM);
        assertThat(dispatcher.invoke(UDR_READ, "x", Placement.LOCAL, Caller.IN_PROCESS, "campus-b")).isEqualTo(Tenancy.PLATFORM);
        assertThat(count("campus-b", UDR_READ)).isEqualTo(1);
        assertThat(count(Tenancy.PLATFORM, UDR_READ)).isEqualTo(3);
        assertThat(meters.get("liquid5gc.metering.tenant.refused").counter().count()).isEqualTo(3);
    }

    @Test
    void whenUsageIsFlushed_thenTheLedgerHoldsItPerBucketWithTheBilledDurationAndRepeatedFlushesDoNotCountTwice() {
        FunctionSpec<?, ?> spec = UDR_READ;
        meter.record(spec, "campus-a", 1_200_000);          // 1.2 ms, billed 2 ms, in the 09:00 bucket
        clock.now = Instant.parse("2026-12-07T10:00:00.100Z");
        meter.record(spec, "campus-a", 3_000_000);          // 3 ms, billed 3 ms, in the 10:00 bucket
        meter.record(spec, "campus-b", 1);                  // 1 ns, billed 1 ms
        InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
        meter.flush(store);
        meter.flush(store);
        meter.record(spec, "campus-a", 1_000_000);          // after a flush: added to what is there
        meter.flush(store);
        meter.flush(store);
        List<UsageLedger.Usage> usage = UsageLedger.read(store, Instant.parse("2026-12-07T00:00:00Z"),
                Instant.parse("2026-12-08T00:00:00Z"), Duration.ofHours(1));
        assertThat(usage).containsExactly(
                new UsageLedger.Usage(Instant.parse("2026-12-07T09:00:00Z"), "campus-a", spec.name(), 1, 1_200_000, 1024L * 2_000),
                new UsageLedger.Usage(Instant.parse("2026-12-07T10:00:00Z"), "campus-a", spec.name(), 2, 4_000_000, 1024L * 4_000),
                new UsageLedger.Usage(Instant.parse("2026-12-07T10:00:00Z"), "campus-b", spec.name(), 1, 1, 1024L * 1_000));
        assertThat(usage.get(1).gbSeconds()).isEqualTo(0.004);
        assertThat(meters.get("liquid5gc.metering.gb.seconds").tag("tenant", "campus-a").counter().count()).isCloseTo(0.006, org.assertj.core.data.Offset.offset(1e-12));

        List<BillingReport.Row> rows = BillingReport.rows(usage, BillingReport.Period.parse("P1D", Duration.ofHours(1)),
                BillingReport.By.TENANT, null, MeteringProperties.Price.LAMBDA_X86);
        assertThat(rows).extracting(BillingReport.Row::tenant, BillingReport.Row::invocations).containsExactly(
                org.assertj.core.groups.Tuple.tuple("campus-a", 3L), org.assertj.core.groups.Tuple.tuple("campus-b", 1L));
        // 3 invocations x 0.20/10^6 = 6e-7, + 0.006 GB-s x 0.0000166667 = 1.000002e-7
        assertThat(rows.getFirst().totalCost()).isEqualByComparingTo("0.0000007000002");
        assertThatThrownBy(() -> BillingReport.Period.parse("PT7M", Duration.ofHours(1))).hasMessageContaining("multiple");
    }

    private double count(String tenant, FunctionSpec<?, ?> spec) {
        var c = meters.find("liquid5gc.metering.invocations").tag("tenant", tenant).tag("function", spec.name()).counter();
        return c == null ? 0 : c.count();
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
