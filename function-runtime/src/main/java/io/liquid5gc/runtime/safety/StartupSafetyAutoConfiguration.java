package io.liquid5gc.runtime.safety;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The start-up report of unsafe settings (and the production profile's refusal), in every NF process. */
@AutoConfiguration
@EnableConfigurationProperties(SafetyProperties.class)
public class StartupSafetyAutoConfiguration {

    @Bean
    UnsafeSettingCheck runtimeSafetyChecks(Environment env) {
        return new RuntimeSafetyChecks(env);
    }

    @Bean
    StartupSafety startupSafety(SafetyProperties properties, ObjectProvider<UnsafeSettingCheck> checks) {
        return new StartupSafety(properties, checks.orderedStream().toList());
    }
}
