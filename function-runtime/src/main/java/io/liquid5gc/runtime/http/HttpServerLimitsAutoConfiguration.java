package io.liquid5gc.runtime.http;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/** The HTTP server limits of every NF process: timeouts, body sizes, problem+json for every error. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(HttpServerProperties.class)
public class HttpServerLimitsAutoConfiguration {

    @Bean
    NettyServerCustomizer liquid5gcServerTimeouts(HttpServerProperties properties) {
        return new ServerTimeouts(properties);
    }

    @Bean
    BodySizeLimitFilter liquid5gcBodySizeLimitFilter(HttpServerProperties properties, ObjectProvider<RequestBodyLimit> limits) {
        List<RequestBodyLimit> all = limits.orderedStream().toList();
        return new BodySizeLimitFilter(properties.maxBodySize().toBytes(), all);
    }

    @Bean
    ProblemJsonExceptionHandler liquid5gcProblemJsonExceptionHandler() {
        return new ProblemJsonExceptionHandler();
    }
}
