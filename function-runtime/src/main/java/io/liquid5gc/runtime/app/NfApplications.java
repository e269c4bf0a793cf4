package io.liquid5gc.runtime.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an NF application with its default port and name (both overridable with {@code server.port} /
 * {@code SERVER_PORT}). The default ports let every NF run side by side on one host:
 * nrf 8000, amf 8001, smf 8002, ausf 8003, udm 8004, udr 8005, pcf 8006, nssf 8007, r17 8008, all-in-one 8080.
 */
public final class NfApplications {

    private NfApplications() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String name, int defaultPort, String[] args) {
        return run(application, name, defaultPort, Map.of(), args);
    }

    /** With more defaults of this application (e.g. the N2 proxy's consumer type), overridable like the others. */
    public static ConfigurableApplicationContext run(Class<?> application, String name, int defaultPort, Map<String, Object> more,
                                                     String[] args) {
        SpringApplication app = new SpringApplication(application);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", defaultPort);
        defaults.put("spring.application.name", name);
        defaults.putAll(more);
        app.setDefaultProperties(defaults);
        return app.run(args);
    }
}
