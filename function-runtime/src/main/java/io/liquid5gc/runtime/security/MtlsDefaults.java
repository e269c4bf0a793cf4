package io.liquid5gc.runtime.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code liquid5gc.security.mtls.enabled=true}, the HTTP server uses the SBI SSL bundle and requires a client
 * certificate (TS 33.501 13.1): {@code server.ssl.bundle=<liquid5gc.security.mtls.bundle>},
 * {@code server.ssl.client-auth=need}, unless set otherwise.
 */
public final class MtlsDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("liquid5gc.security.mtls.enabled", Boolean.class, false)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.ssl.bundle", env.getProperty("liquid5gc.security.mtls.bundle", "sbi"));
        defaults.put("server.ssl.client-auth", "need");
        env.getPropertySources().addLast(new MapPropertySource("liquid5gcMtlsDefaults", defaults));
    }
}
