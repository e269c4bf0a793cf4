package io.liquid5gc.sbi.nwdaf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The NWDAF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NwdafApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String ANALYTICS_SUBSCRIBE = "nwdaf-analytics-subscribe";
        public static final String DATA_COLLECT = "nwdaf-data-collect";

        private Names() {
        }
    }

    /** Nnwdaf_EventsSubscription_Subscribe (TS 29.520 4.2.2.2) for NF_LOAD and SLICE_LOAD_LEVEL. */
    public static final FunctionSpec<NnwdafEventsSubscription, NnwdafEventsSubscription> ANALYTICS_SUBSCRIBE =
            new FunctionSpec<>(Names.ANALYTICS_SUBSCRIBE, NfType.NWDAF, NnwdafEventsSubscription.class, NnwdafEventsSubscription.class, false);

    /** Data collection (TS 23.288 6.2) from NFs and from this process's function metrics. */
    public static final FunctionSpec<DataCollectRequest, DataCollectResult> DATA_COLLECT =
            new FunctionSpec<>(Names.DATA_COLLECT, NfType.NWDAF, DataCollectRequest.class, DataCollectResult.class, false);

    private NwdafApi() {
    }
}
