package io.liquid5gc.store.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Contributes the "redis" store backend when store-redis is on the classpath. Nothing connects until the
 * runtime asks for a store of this type ({@code liquid5gc.store.type=redis} or {@code liquid5gc.registry.type=redis}).
 */
@AutoConfiguration(beforeName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(RedisStoreProperties.class)
public class RedisStoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RedisStoreFactory redisStoreFactory(RedisStoreProperties properties) {
        return new RedisStoreFactory(properties);
    }
}
