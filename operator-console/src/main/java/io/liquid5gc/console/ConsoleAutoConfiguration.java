package io.liquid5gc.console;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.operator.OperatorAccess;
import io.liquid5gc.runtime.operator.OperatorApi;
import io.liquid5gc.runtime.placement.PlacementProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The operator console under {@code /console/}, in every reactive web application with an operator API (the UDR's
 * provisioning, the proxy's network procedures, the NRF's registry view) that has this jar: the all-in-one, the UDR
 * alone and the NRF alone; in a split deployment it reaches the other processes' operator APIs ({@link PeerApis}). Off with
 * {@code liquid5gc.console.enabled=false}. See {@link ConsoleSecurity} for the login, the session and CSRF.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.operator.OperatorAutoConfiguration",
        beforeName = "org.springframework.boot.webflux.autoconfigure.WebSessionIdResolverAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(OperatorAccess.class)
@ConditionalOnBooleanProperty(name = "liquid5gc.console.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleAutoConfiguration {

    @Bean
    OperatorApiGateway consoleOperatorApiGateway(OperatorAccess access, ObjectProvider<OperatorApi> apis, ConsoleProperties properties,
                                                 ObjectProvider<SslBundles> bundles) {
        List<OperatorApi> local = apis.orderedStream().toList();
        String authorization = properties.peerToken() != null ? "Bearer " + properties.peerToken() : access.authorizationForPeers();
        SSLContext tls = null;
        if (properties.peerSslBundle() != null) {
            SslBundles all = bundles.getIfAvailable();
            if (all == null) {
                throw new IllegalStateException("liquid5gc.console.peer-ssl-bundle=" + properties.peerSslBundle()
                        + " but there are no SSL bundles (spring.ssl.bundle.pem." + properties.peerSslBundle() + ".*)");
            }
            tls = all.getBundle(properties.peerSslBundle()).createSslContext();
        }
        return new OperatorApiGateway(access, local, new PeerApis(properties, local, authorization, tls));
    }

    @Bean
    ConsoleSecurity consoleSecurity(OperatorAccess access, ConsoleProperties properties, ObjectProvider<Clock> clock, OperatorApiGateway gateway) {
        return new ConsoleSecurity(access, properties, clock.getIfAvailable(Clock::systemUTC), gateway);
    }

    /**
     * The session cookie (Boot's WebSession manager takes this resolver, instead of the one of server.reactive.session.cookie): the console's name, SameSite=Strict, path
     * {@code /console/}; HttpOnly always and Secure over TLS (the resolver's own).
     */
    @Bean
    @ConditionalOnMissingBean(WebSessionIdResolver.class)
    WebSessionIdResolver consoleSessionIdResolver(ConsoleProperties properties) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(properties.cookieName());
        resolver.addCookieInitializer(cookie -> cookie.sameSite("Strict").path("/console/").httpOnly(true));
        return resolver;
    }

    @Bean
    RouterFunction<ServerResponse> consoleRoutes(OperatorApiGateway gateway, ObjectProvider<PlacementProperties> placement,
                                                 ObjectProvider<FunctionDispatcher> dispatcher, ObjectProvider<MeterRegistry> meters) {
        PlacementProperties p = placement.getIfAvailable(PlacementProperties::defaults);
        return new ConsolePages(gateway, new PlacementView(p, dispatcher.getObject(), meters.getIfAvailable(SimpleMeterRegistry::new))).routes();
    }
}
