package io.liquid5gc.runtime.app;

import java.util.List;
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
 *
 * <p>A lean context (cold start, docs/operations.md "Cold start"): the auto-configurations of what no Liquid5GC process
 * uses are excluded ({@link #LEAN_EXCLUDES}: HTTP clients of Spring (the SBI client is the JDK's), RestClient/RestTemplate,
 * multipart, AOP, Spring's task executor and scheduler, the Spring Cloud Function actuator endpoint and Kotlin
 * support). Health probes, info, Prometheus, JVM and system metrics stay. Setting {@code spring.autoconfigure.exclude}
 * replaces this list.
 */
public final class Liquid5gcDefaults implements EnvironmentPostProcessor {

    /** Auto-configurations no Liquid5GC process needs. */
    static final List<String> LEAN_EXCLUDES = List.of(
            "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
            "org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration",
            "org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration",
            "org.springframework.boot.restclient.autoconfigure.RestTemplateObservationAutoConfiguration",
            "org.springframework.boot.restclient.autoconfigure.service.HttpServiceClientAutoConfiguration",
            "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
            "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
            "org.springframework.boot.http.client.autoconfigure.metrics.HttpClientMetricsAutoConfiguration",
            "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
            "org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientPropertiesAutoConfiguration",
            "org.springframework.boot.webflux.autoconfigure.ReactiveMultipartAutoConfiguration",
            "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
            "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
            "org.springframework.cloud.function.context.config.FunctionsEndpointAutoConfiguration",
            "org.springframework.cloud.function.context.config.KotlinLambdaToFunctionAutoConfiguration");

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.endpoints.web.exposure.include", "health,info,prometheus",
            "management.endpoint.health.probes.enabled", "true",
            "management.endpoint.health.show-details", "always",
            // not ready while a Redis/etcd store does not answer (StoreHealthIndicator); liveness stays UP meanwhile
            "management.endpoint.health.group.readiness.include", "readinessState,stores",
            "spring.threads.virtual.enabled", "true",
            "spring.main.banner-mode", "off",
            "spring.jmx.enabled", "false",
            "spring.autoconfigure.exclude", String.join(",", LEAN_EXCLUDES),
            // the AWS adapter logs whole events at INFO: bodies can carry subscriber keys, which never go to logs
            "logging.level.org.springframework.cloud.function.adapter.aws", "WARN");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("liquid5gcDefaults", DEFAULTS));
    }
}
