package io.liquid5gc.udm;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.udm.UdmApi;
import io.liquid5gc.sbi.udm.AuthenticationInfoResult;
import io.liquid5gc.sbi.udm.GenerateAuthDataRequest;
import io.liquid5gc.sbi.udm.SubscriberDataRequest;
import io.liquid5gc.sbi.udm.SubscriptionDataSets;
import io.liquid5gc.security.suci.SuciDeconcealer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The UDM's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the UDM application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(UdmProperties.class)
public class UdmFunctions {

    private static final Logger log = LoggerFactory.getLogger(UdmFunctions.class);

    @Bean
    UdrClient udmUdrClient(FunctionClient client) {
        return new UdrClient(client);
    }

    /** The SIDF's keys, validated at startup: a bad key fails the start, naming the key id, never its value. */
    @Bean
    io.liquid5gc.runtime.safety.UnsafeSettingCheck udmTestKeyCheck(UdmProperties properties) {
        return new TestKeyCheck(properties);
    }

    @Bean
    SuciDeconcealer udmSuciDeconcealer(UdmProperties properties) {
        SuciDeconcealer sidf = new SuciDeconcealer(properties.keys());
        log.info("SUCI deconcealment: {} home network key(s) {}", properties.homeNetworkKeys().size(), properties.homeNetworkKeys());
        return sidf;
    }

    /**
     * On only where this process also serves {@code udm-get-subscriber-data} (the whole UDM; not the unit of
     * {@code udm-generate-auth-data} alone, whose kept AM data no SDM Get here would ever take).
     */
    @Bean
    AmDataPrefetch udmAmDataPrefetch(UdmProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
                                     org.springframework.beans.factory.ListableBeanFactory beans) {
        boolean sdmHere = beans.containsBeanDefinition(io.liquid5gc.sbi.udm.UdmApi.GET_SUBSCRIBER_DATA.name());
        return new AmDataPrefetch(sdmHere ? properties.amDataPrefetch() : java.time.Duration.ZERO, clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    UeAuthentication ueAuthentication(UdrClient udr, SuciDeconcealer sidf, UdmProperties properties, ObjectProvider<MeterRegistry> meters,
                                      AmDataPrefetch prefetch) {
        return new UeAuthentication(udr, sidf, properties.sqnAttempts(), meters.getIfAvailable(SimpleMeterRegistry::new), prefetch);
    }

    @Bean
    SubscriberDataManagement subscriberDataManagement(UdrClient udr, AmDataPrefetch prefetch) {
        return new SubscriberDataManagement(udr, prefetch);
    }

    /** {@code udm-generate-auth-data}: Nudm_UEAU Get (TS 29.503 5.4.2.2). */
    @Bean(name = UdmApi.Names.GENERATE_AUTH_DATA)
    Function<GenerateAuthDataRequest, AuthenticationInfoResult> udmGenerateAuthData(UeAuthentication ueau) {
        return ueau::handleGenerateAuthData;
    }

    /** {@code udm-get-subscriber-data}: Nudm_SDM Get (TS 29.503 5.2.2.2). */
    @Bean(name = UdmApi.Names.GET_SUBSCRIBER_DATA)
    Function<SubscriberDataRequest, SubscriptionDataSets> udmGetSubscriberData(SubscriberDataManagement sdm) {
        return sdm::handleGetSubscriberData;
    }
}
