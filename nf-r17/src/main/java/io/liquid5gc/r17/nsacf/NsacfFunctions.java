package io.liquid5gc.r17.nsacf;

import io.liquid5gc.sbi.nsacf.NsacfApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * The NSACF's functions (Release 17), deployed unless {@code liquid5gc.nf.nsacf.enabled=false}; when off,
 * callers skip the NSACF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.nsacf.enabled", matchIfMissing = true)
public class NsacfFunctions {

    /** {@code nsacf-slice-availability-check}: Slice admission check (TS 29.536 Nnsacf_NSAC). */
    @Bean(name = "nsacf-slice-availability-check")
    Function<JsonObject, JsonObject> nsacfSliceAvailabilityCheck() {
        return PendingFunctions.of(NsacfApi.SLICE_AVAILABILITY_CHECK, "Slice admission check");
    }

    /** {@code nsacf-update-counters}: Slice counters update (TS 29.536). */
    @Bean(name = "nsacf-update-counters")
    Function<JsonObject, JsonObject> nsacfUpdateCounters() {
        return PendingFunctions.of(NsacfApi.UPDATE_COUNTERS, "Slice counters update");
    }
}
