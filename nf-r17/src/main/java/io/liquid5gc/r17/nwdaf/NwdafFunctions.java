package io.liquid5gc.r17.nwdaf;

import io.liquid5gc.sbi.nwdaf.NwdafApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * The NWDAF's functions (Release 17), deployed unless {@code liquid5gc.nf.nwdaf.enabled=false}; when off,
 * callers skip the NWDAF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.nwdaf.enabled", matchIfMissing = true)
public class NwdafFunctions {

    /** {@code nwdaf-analytics-subscribe}: Analytics subscription (TS 29.520 Nnwdaf_EventsSubscription). */
    @Bean(name = "nwdaf-analytics-subscribe")
    Function<JsonObject, JsonObject> nwdafAnalyticsSubscribe() {
        return PendingFunctions.of(NwdafApi.ANALYTICS_SUBSCRIBE, "Analytics subscription");
    }

    /** {@code nwdaf-data-collect}: Data collection (TS 29.520). */
    @Bean(name = "nwdaf-data-collect")
    Function<JsonObject, JsonObject> nwdafDataCollect() {
        return PendingFunctions.of(NwdafApi.DATA_COLLECT, "Data collection");
    }
}
