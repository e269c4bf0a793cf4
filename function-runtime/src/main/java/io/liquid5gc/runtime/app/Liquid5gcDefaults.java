package io.liquid5gc.runtime.app;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every Liquid5GC process shares, at the lowest priority so that any property, environment variable
 * or command-line argument overrides them: actuator health (with liveness/readiness groups, readiness including the
 * stores), info and
 * prometheus over HTTP; virtual threads for blocking work.
 */
public final class Liquid5gcDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            "management.endpoint.health.probes.enabled", "true",
            "management.endpoint.health.show-details", "always",
            // not ready while a Redis/etcd store does not answer (StoreHealthIndicator); liveness stays UP meanwhile
            "management.endpoint.health.group.readiness.include", "readinessState,stores",
            "spring.threads.virtual.enabled", "true",
            "spring.main.banner-mode", "off",
            "spring.jmx.enabled", "false",
            // the AWS adapter logs whole events at INFO: bodies can carry subscriber keys, which never go to logs
            "logging.level.org.springframework.cloud.function.adapter.aws", "WARN");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("liquid5gcDefaults", DEFAULTS));
    }
}
