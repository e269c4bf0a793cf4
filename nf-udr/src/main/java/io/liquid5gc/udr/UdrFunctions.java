package io.liquid5gc.udr;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.DataWriteRequest;
import io.liquid5gc.sbi.udr.DataWriteResult;
import io.liquid5gc.sbi.udr.SubscriptionData;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UDR's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the UDR application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class UdrFunctions {

    @Bean
    @ConditionalOnMissingBean
    SubscriberRepository subscriberRepository(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json) {
        return new SubscriberRepository(store, json.getIfAvailable(JsonMapper::new));
    }

    @Bean
    UdrDataService udrDataService(SubscriberRepository repository) {
        return new UdrDataService(repository);
    }

    /** {@code udr-data-read}: Subscription data read (TS 29.504 Nudr_DataRepository, TS 29.505 5.2.2). */
    @Bean(name = "udr-data-read")
    Function<DataReadRequest, SubscriptionData> udrDataRead(UdrDataService service) {
        return service::handleDataRead;
    }

    /** {@code udr-data-write}: Subscription data write, incl. the atomic SQN update (TS 29.505 5.2.2.2.3). */
    @Bean(name = "udr-data-write")
    Function<DataWriteRequest, DataWriteResult> udrDataWrite(UdrDataService service) {
        return service::handleDataWrite;
    }
}
