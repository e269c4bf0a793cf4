package io.liquid5gc.store.etcd;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the "etcd" store backend when store-etcd is on the classpath. Nothing connects until the runtime
 * asks for a store of this type ({@code liquid5gc.registry.type=etcd} or {@code liquid5gc.store.type=etcd}).
 */
@AutoConfiguration(beforeName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(EtcdStoreProperties.class)
public class EtcdStoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EtcdStoreFactory etcdStoreFactory(EtcdStoreProperties properties) {
        return new EtcdStoreFactory(properties);
    }
}
