package io.liquid5gc.orchestrator;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orchestrator: forecasts each function's demand and warms it ahead (README "Pre-warming"). Started by the image
 * build's training run ({@code liquid5gc.training.requests} set, deploy/docker/Dockerfile) it starts with pre-warming
 * off and exits at once, so the JDK AOT cache holds its start-up.
 */
@SpringBootApplication
public class OrchestratorApplication {

    public static void main(String[] args) {
        boolean training = System.getProperty("liquid5gc.training.requests") != null || System.getenv("LIQUID5GC_TRAINING_REQUESTS") != null;
        SpringApplication app = new SpringApplication(OrchestratorApplication.class);
        Map<String, Object> defaults = new HashMap<>(Map.of("server.port", "8090",
                "management.endpoints.web.exposure.include", "health,info,prometheus",
                "management.endpoint.health.probes.enabled", "true",
                "spring.threads.virtual.enabled", "true"));
        if (training) {
            defaults.put("liquid5gc.prewarm.enabled", "false");
        }
        app.setDefaultProperties(defaults);
        ConfigurableApplicationContext context = app.run(args);
        if (training) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
