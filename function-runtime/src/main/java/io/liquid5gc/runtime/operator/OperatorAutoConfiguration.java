package io.liquid5gc.runtime.operator;

import io.liquid5gc.runtime.safety.UnsafeSettingCheck;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Operator authentication wherever a module declares an {@link OperatorApi} (the UDR's provisioning, the proxy's
 * network procedures, the NRF's registry view): processes without one need no token and create no token file.
 */
@AutoConfiguration(afterName = {"io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration",
        "io.liquid5gc.udr.provisioning.ProvisioningAutoConfiguration", "io.liquid5gc.proxy.NgapProxyAutoConfiguration",
        "io.liquid5gc.nrf.NrfFunctions"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(OperatorApi.class)
@EnableConfigurationProperties(OperatorProperties.class)
public class OperatorAutoConfiguration {

    @Bean
    OperatorAccess operatorAccess(OperatorProperties properties, Environment env) {
        return OperatorAccess.resolve(properties, env);
    }

    @Bean
    OperatorAuthenticationFilter operatorAuthenticationFilter(OperatorAccess access, ObjectProvider<OperatorApi> apis) {
        List<OperatorApi> all = apis.orderedStream().toList();
        return new OperatorAuthenticationFilter(access, all);
    }

    @Bean
    UnsafeSettingCheck operatorSafetyCheck(OperatorAccess access) {
        return access::unsafeSettings;
    }
}
