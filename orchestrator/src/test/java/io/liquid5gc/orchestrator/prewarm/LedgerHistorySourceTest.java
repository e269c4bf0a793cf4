package io.liquid5gc.orchestrator.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerHistorySourceTest {

    /** As function-runtime's BillingReport.csv writes it (by function, period PT1H). */
    private static final String CSV = """
            period_start,period_end,tenant,function,nf,invocations,execution_seconds,gb_seconds,invocation_cost,duration_cost,total_cost,currency\r
            2026-12-07T08:00:00Z,2026-12-07T09:00:00Z,campus-a,amf-initial-registration,amf,40,0.400000,0.400000,0.000008,0.0000066667,0.0000146667,USD\r
            2026-12-07T08:00:00Z,2026-12-07T09:00:00Z,campus-b,amf-initial-registration,amf,10,0.100000,0.100000,0.000002,0.0000016667,0.0000036667,USD\r
            2026-12-07T10:00:00Z,2026-12-07T11:00:00Z,platform,nrf-discover,nrf,3,0.003000,0.003000,0.0000006,0.00000005,0.00000065,USD\r
            2026-12-07T05:00:00Z,2026-12-07T06:00:00Z,platform,nrf-discover,nrf,99,1.000000,1.000000,0,0,0,USD\r
            """;

    @Test
    void whenTheBillingReportIsRead_thenEachFunctionHasItsTenantsSummedPerIntervalAndZerosWhereNothingRan() {
        Instant from = Instant.parse("2026-12-07T07:00:00Z");
        List<FunctionHistory> h = LedgerHistorySource.parse(CSV, from, Instant.parse("2026-12-07T11:00:00Z"), Duration.ofHours(1));
        assertThat(h).extracting(FunctionHistory::function).containsExactly("amf-initial-registration", "nrf-discover");
        FunctionHistory amf = h.getFirst();
        assertThat(amf.invocations().size()).isEqualTo(4);
        assertThat(amf.invocations().at(0)).isZero();
        assertThat(amf.invocations().at(1)).isEqualTo(50);
        assertThat(amf.meanExecutionSeconds()).isEqualTo(0.01);
        FunctionHistory nrf = h.get(1);
        assertThat(nrf.invocations().at(3)).as("the 05:00 line is before the lookback").isEqualTo(3);
        assertThat(nrf.invocations().start()).isEqualTo(from);
    }
}
