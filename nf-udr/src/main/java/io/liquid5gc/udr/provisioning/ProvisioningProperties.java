package io.liquid5gc.udr.provisioning;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Subscriber provisioning ({@code liquid5gc.provisioning.*}). Authentication of the REST API is the operator's
 * ({@code liquid5gc.operator.*}, function-runtime).
 *
 * @param apiEnabled         serve the REST API under {@code /provisioning/subscribers} (default true)
 * @param token              the operator token of older configurations; {@code liquid5gc.operator.token} is the
 *                           setting now (this one is still honoured); never logged
 * @param defaultSubscribers a YAML, JSON or CSV subscriber file ({@code classpath:...} or a path) imported at startup
 *                           when the store holds no subscriber at all; empty or {@code none}: nothing
 * @param maxBulk            the most subscribers one request (a range's {@code count}, or a whole import) may create
 *                           (default 10,000)
 * @param maxBody            the largest request body of the API but the import (default 4 MB), refused with 413
 *                           before it is buffered
 * @param maxImportBody      the largest body of {@code POST /provisioning/subscribers/import} (default 256 MB), refused
 *                           with 413 as soon as it is known to be larger; an import is streamed (read, checked and
 *                           written entry by entry, memory bounded whatever its size), so this bounds its time and
 *                           traffic, not memory; {@code maxBulk} still bounds the subscribers it creates
 */
@ConfigurationProperties("liquid5gc.provisioning")
public record ProvisioningProperties(@DefaultValue("true") boolean apiEnabled, String token, String defaultSubscribers,
                                     @DefaultValue("10000") int maxBulk, @DefaultValue("4MB") DataSize maxBody,
                                     @DefaultValue("256MB") DataSize maxImportBody) {

    /** The declared defaults: what binding no {@code liquid5gc.provisioning.*} property gives. */
    public static ProvisioningProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.provisioning", ProvisioningProperties.class);
    }

    public ProvisioningProperties {
        token = token == null || token.isBlank() ? null : token; // null: no token
        // null (or "none"): no subscribers file loaded at start
        defaultSubscribers = defaultSubscribers == null || defaultSubscribers.isBlank() || defaultSubscribers.equals("none")
                ? null : defaultSubscribers.strip();
        if (maxBulk < 1 || maxBulk > SubscriberProfiles.MAX_COUNT) {
            throw new IllegalArgumentException("liquid5gc.provisioning.max-bulk must be 1.." + SubscriberProfiles.MAX_COUNT);
        }
        Objects.requireNonNull(maxBody, "liquid5gc.provisioning.max-body");
        Objects.requireNonNull(maxImportBody, "liquid5gc.provisioning.max-import-body");
        if (maxBody.toBytes() < 1 || maxImportBody.toBytes() < 1) {
            throw new IllegalArgumentException("liquid5gc.provisioning.max-body and max-import-body must be positive");
        }
    }

    @Override
    public String toString() {
        return "ProvisioningProperties[apiEnabled=" + apiEnabled + ", token=" + (token == null ? "none" : "***")
                + ", defaultSubscribers=" + defaultSubscribers + ", maxBulk=" + maxBulk + ", maxBody=" + maxBody
                + ", maxImportBody=" + maxImportBody + "]";
    }
}
