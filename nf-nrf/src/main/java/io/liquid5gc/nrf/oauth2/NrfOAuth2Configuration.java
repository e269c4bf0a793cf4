package io.liquid5gc.nrf.oauth2;

import io.liquid5gc.runtime.security.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The NRF's authorization server: the token issuer (also used in-process) and its HTTP endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2Properties.class)
public class NrfOAuth2Configuration {

    @Bean
    NrfTokenIssuer nrfTokenIssuer(OAuth2Properties properties, SecurityProperties security, Clock clock) {
        return new NrfTokenIssuer(properties, security.issuer(), clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Web {
        @Bean
        RouterFunction<ServerResponse> nrfTokenRoutes(NrfTokenIssuer issuer, OAuth2Properties properties) {
            return new TokenEndpoint(issuer, new ClientRegistry(properties)).routes();
        }
    }
}
