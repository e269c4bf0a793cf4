package io.liquid5gc.r17.nsacf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.nsacf.NsacfApi;
import io.liquid5gc.sbi.nsacf.SliceAdmissionRequest;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The NSACF's functions (Release 17), deployed unless {@code liquid5gc.nf.nsacf.enabled=false}; when off,
 * callers skip the NSACF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.nsacf.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NsacfProperties.class)
public class NsacfFunctions {

    @Bean
    SliceAdmission nsacfSliceAdmission(@Qualifier("stateStore") KeyValueStore store, NsacfProperties properties) {
        return new SliceAdmission(store, properties);
    }

    /** {@code nsacf-slice-availability-check}: Slice admission check (TS 29.536 Nnsacf_NSAC, TS 23.502 4.2.11). */
    @Bean(name = NsacfApi.Names.SLICE_AVAILABILITY_CHECK)
    Function<SliceAdmissionRequest, SliceAdmissionResponse> nsacfSliceAvailabilityCheck(SliceAdmission admission) {
        return admission::handleCheck;
    }

    /** {@code nsacf-update-counters}: Slice counters update (TS 29.536 NumOfUEsUpdate / NumOfPDUsUpdate). */
    @Bean(name = NsacfApi.Names.UPDATE_COUNTERS)
    Function<SliceAdmissionRequest, SliceAdmissionResponse> nsacfUpdateCounters(SliceAdmission admission) {
        return admission::handleUpdate;
    }
}
