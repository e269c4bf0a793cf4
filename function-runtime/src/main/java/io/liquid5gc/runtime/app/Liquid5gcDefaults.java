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
 * support). A process with a web server also leaves out Spring Cloud Function's catalog ({@link #CATALOG}: the
 * function endpoint calls the functions itself; only AWS Lambda's adapter, in a process without a web server, goes
 * through the catalog; its JSON mapper configuration is what named Joda-Time, so the exec jars leave Joda-Time and
 * Jackson's Joda module out). Health probes, info, Prometheus stay; Boot's JVM, system and Logback metrics binders are
 * replaced by {@code io.liquid5gc.runtime.metrics.JvmMetrics} (the same metrics, off in FaaS replicas, decided at run
 * time where Boot's conditions are frozen by Spring AOT). Setting
 * {@code spring.autoconfigure.exclude} replaces these lists.
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
            "org.springframework.cloud.function.context.config.KotlinLambdaToFunctionAutoConfiguration",
            // the same binders, decided at run time (io.liquid5gc.runtime.metrics.JvmMetrics: off in FaaS replicas)
            "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration");

    /**
     * Spring Cloud Function's catalog, its JSON mapper (a second ObjectMapper, with Joda-Time's module) and its
     * observation wrapper: only the AWS Lambda adapter uses them, in a process with no web server.
     */
    static final List<String> CATALOG = List.of(
            "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
            "org.springframework.cloud.function.cloudevent.CloudEventsFunctionExtensionConfiguration",
            "org.springframework.cloud.function.observability.ObservationAutoConfiguration");

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
        environment.getPropertySources().addLast(new MapPropertySource("liquid5gcDefaults", defaults(webServer(environment, application))));
    }

    /** The defaults of a process with ({@code webServer}) or without a web server (AWS Lambda, tests without one). */
    static Map<String, Object> defaults(boolean webServer) {
        if (!webServer) {
            return DEFAULTS;
        }
        Map<String, Object> web = new java.util.HashMap<>(DEFAULTS);
        web.put("spring.autoconfigure.exclude", String.join(",", LEAN_EXCLUDES) + "," + String.join(",", CATALOG));
        return Map.copyOf(web);
    }

    /** {@code spring.main.web-application-type} when set (it is bound to the application only after this runs), else the type deduced. */
    private static boolean webServer(ConfigurableEnvironment environment, SpringApplication application) {
        String type = environment.getProperty("spring.main.web-application-type");
        return type != null ? !type.trim().equalsIgnoreCase("none")
                : application.getWebApplicationType() != org.springframework.boot.WebApplicationType.NONE;
    }
}
