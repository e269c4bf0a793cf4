package io.liquid5gc.r17.nwdaf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.nwdaf.NwdafApi;
import io.liquid5gc.sbi.nwdaf.DataCollectRequest;
import io.liquid5gc.sbi.nwdaf.DataCollectResult;
import io.liquid5gc.sbi.nwdaf.NnwdafEventsSubscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NWDAF's functions (Release 17), deployed unless {@code liquid5gc.nf.nwdaf.enabled=false}; when off,
 * callers skip the NWDAF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.nwdaf.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NwdafProperties.class)
public class NwdafFunctions {

    @Bean(destroyMethod = "close")
    Notifier nwdafNotifier(ObjectProvider<ObjectMapper> json, NwdafProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new Notifier(json.getIfAvailable(JsonMapper::new), properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    Analytics nwdafAnalytics(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json, NwdafProperties properties,
                             Clock clock, ObjectProvider<MeterRegistry> meters, Notifier notifier) {
        return new Analytics(store, json.getIfAvailable(JsonMapper::new), properties, clock, meters.getIfAvailable(SimpleMeterRegistry::new),
                notifier);
    }

    @Bean(destroyMethod = "close")
    Ticker nwdafTicker(Analytics analytics, NwdafProperties properties) {
        return new Ticker(analytics, properties.collectionInterval());
    }

    /** {@code nwdaf-analytics-subscribe}: Analytics subscription (TS 29.520 Nnwdaf_EventsSubscription). */
    @Bean(name = NwdafApi.Names.ANALYTICS_SUBSCRIBE)
    Function<NnwdafEventsSubscription, NnwdafEventsSubscription> nwdafAnalyticsSubscribe(Analytics analytics) {
        return analytics::handleSubscribe;
    }

    /** {@code nwdaf-data-collect}: Data collection (TS 23.288). */
    @Bean(name = NwdafApi.Names.DATA_COLLECT)
    Function<DataCollectRequest, DataCollectResult> nwdafDataCollect(Analytics analytics) {
        return analytics::handleCollect;
    }
}
