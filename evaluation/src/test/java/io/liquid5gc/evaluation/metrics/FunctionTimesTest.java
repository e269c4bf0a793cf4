package io.liquid5gc.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionTimesTest {

    private static final String SCRAPE = """
            # HELP liquid5gc_function_invocations_seconds
            liquid5gc_function_invocations_seconds_count{function="ausf-authenticate",nf="ausf",outcome="success",placement="http"} 10
            liquid5gc_function_invocations_seconds_sum{function="ausf-authenticate",nf="ausf",outcome="success",placement="http"} 0.05
            liquid5gc_function_invocations_seconds_count{function="ausf-authenticate",nf="ausf",outcome="peer_error",placement="http"} 3
            liquid5gc_function_invocations_seconds_sum{function="ausf-authenticate",nf="ausf",outcome="peer_error",placement="http"} 9.0
            liquid5gc_function_invocations_seconds_max{function="ausf-authenticate",nf="ausf",outcome="success",placement="http"} 0.02
            liquid5gc_function_calls_seconds_count{function="udm-generate-auth-data",nf="udm",outcome="success",placement="http"} 10
            """;

    @Test
    void whenAProcessIsScraped_thenOnlySuccessfulInvocationsCount() {
        Map<String, FunctionTimes.Totals> t = FunctionTimes.parse(SCRAPE);
        assertThat(t).containsOnlyKeys("ausf-authenticate");
        assertThat(t.get("ausf-authenticate").count()).isEqualTo(10);
        assertThat(t.get("ausf-authenticate").meanMillis()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void whenAProcessStartedBetweenTwoSnapshots_thenItCountsFromZero() {
        var before = new FunctionTimes.Snapshot(Map.of("http://a", Map.of("f", new FunctionTimes.Totals(4, 0.4))));
        var after = new FunctionTimes.Snapshot(Map.of("http://a", Map.of("f", new FunctionTimes.Totals(10, 1.0)),
                "http://b", Map.of("f", new FunctionTimes.Totals(2, 0.1), "g", new FunctionTimes.Totals(0, 0))));
        Map<String, FunctionTimes.Totals> d = FunctionTimes.difference(before, after);
        assertThat(d).containsOnlyKeys("f");
        assertThat(d.get("f").count()).isEqualTo(8);
        assertThat(d.get("f").seconds()).isCloseTo(0.7, within(1e-9));
    }
}
