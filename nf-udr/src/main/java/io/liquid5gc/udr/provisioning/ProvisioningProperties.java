package io.liquid5gc.udr.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Subscriber provisioning ({@code liquid5gc.provisioning.*}).
 *
 * @param apiEnabled         serve the REST API under {@code /provisioning/subscribers} (default true)
 * @param token              when set, the REST API wants {@code Authorization: Bearer <token>} (the CLI sends
 *                           {@code $LIQUID5GC_PROVISIONING_TOKEN}); never logged
 * @param defaultSubscribers a YAML, JSON or CSV subscriber file ({@code classpath:...} or a path) imported at startup
 *                           when the store holds no subscriber at all; empty or {@code none}: nothing
 */
@ConfigurationProperties("liquid5gc.provisioning")
public record ProvisioningProperties(Boolean apiEnabled, String token, String defaultSubscribers) {

    public ProvisioningProperties {
        apiEnabled = apiEnabled == null || apiEnabled;
        token = token == null || token.isBlank() ? null : token;
        defaultSubscribers = defaultSubscribers == null || defaultSubscribers.isBlank() || defaultSubscribers.equals("none")
                ? null : defaultSubscribers.strip();
    }

    @Override
    public String toString() {
        return "ProvisioningProperties[apiEnabled=" + apiEnabled + ", token=" + (token == null ? "none" : "***")
                + ", defaultSubscribers=" + defaultSubscribers + "]";
    }
}
