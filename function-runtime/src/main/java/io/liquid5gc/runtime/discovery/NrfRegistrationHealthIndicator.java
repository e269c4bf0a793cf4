package io.liquid5gc.runtime.discovery;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code nrfRegistration} ({@code /actuator/health/nrfRegistration}): UP once every NF of this
 * process is registered in the NRF and its last heart-beat succeeded, DOWN (with the last error) otherwise. Not part of
 * readiness or liveness: an NF not (yet) registered still serves the callers that know its URL.
 */
public final class NrfRegistrationHealthIndicator implements HealthIndicator {

    private final NfSelfRegistration registration;

    public NrfRegistrationHealthIndicator(NfSelfRegistration registration) {
        this.registration = registration;
    }

    @Override
    public Health health() {
        Health.Builder b = registration.registered() ? Health.up() : Health.down();
        b.withDetail("instances", registration.instanceIds().toString());
        String error = registration.lastError();
        if (error != null) {
            b.withDetail("lastError", error);
        }
        return b.build();
    }
}
