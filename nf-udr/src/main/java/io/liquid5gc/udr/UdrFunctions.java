package io.liquid5gc.udr;

import io.liquid5gc.runtime.safety.UnsafeSettingCheck;
import io.liquid5gc.sbi.udr.UdrApi;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.DataWriteRequest;
import io.liquid5gc.sbi.udr.DataWriteResult;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.udr.keys.KeyEncryptionKeys;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UDR's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the UDR application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(UdrProperties.class)
public class UdrFunctions {

    private static final Logger log = LoggerFactory.getLogger(UdrFunctions.class);

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(UdrProperties properties) {
        return KeyEncryptionKeys.load(properties.keyEncryption());
    }

    @Bean
    UnsafeSettingCheck keyEncryptionSafetyCheck(KeyEncryptionKeys keys) {
        return keys::unsafeSettings;
    }

    @Bean
    @ConditionalOnMissingBean
    SubscriberRepository subscriberRepository(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json,
                                              KeyEncryptionKeys keys) {
        SubscriberRepository repository = new SubscriberRepository(store, json.getIfAvailable(JsonMapper::new), keys.cipher());
        repository.whenStoreAnswers("subscriber key check", () -> {
            // a wrong key-encryption key fails the start here (or, with a store that answers later, the process is
            // reported broken), naming the key id
            int checked = repository.verifyReadable(16);
            log.info("subscriber keys at rest: AES-256-GCM under key-encryption key '{}' ({} stored subscribers checked)",
                    keys.cipher().currentKeyId(), checked);
        });
        return repository;
    }

    @Bean
    UdrDataService udrDataService(SubscriberRepository repository, UdrProperties properties) {
        return new UdrDataService(repository, properties.maxSqnStep());
    }

    /** {@code udr-data-read}: Subscription data read (TS 29.504 Nudr_DataRepository, TS 29.505 5.2.2). */
    @Bean(name = UdrApi.Names.DATA_READ)
    Function<DataReadRequest, SubscriptionData> udrDataRead(UdrDataService service) {
        return service::handleDataRead;
    }

    /** {@code udr-data-write}: Subscription data write, incl. the atomic SQN update (TS 29.505 5.2.2.2.3). */
    @Bean(name = UdrApi.Names.DATA_WRITE)
    Function<DataWriteRequest, DataWriteResult> udrDataWrite(UdrDataService service) {
        return service::handleDataWrite;
    }
}
