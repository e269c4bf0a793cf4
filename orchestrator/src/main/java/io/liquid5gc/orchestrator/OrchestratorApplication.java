package io.liquid5gc.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The orchestrator: forecasts each function's demand and warms it ahead (README "Pre-warming"). */
@SpringBootApplication
public class OrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(OrchestratorApplication.class);
        app.setDefaultProperties(java.util.Map.of("server.port", "8090",
                "management.endpoints.web.exposure.include", "health,info,prometheus",
                "management.endpoint.health.probes.enabled", "true",
                "spring.threads.virtual.enabled", "true"));
        app.run(args);
    }
}
