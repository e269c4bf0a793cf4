package io.liquid5gc.runtime.discovery;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * NRF self-registration is on when {@code liquid5gc.registration.enabled=true}, or, when that is not set,
 * when the NRF is not in this process ({@code liquid5gc.nf.nrf.placement} is http or faas). Decided when the process
 * starts ({@link #enabled}), not as a bean condition: with Spring AOT the bean definitions are fixed at build time,
 * where the NRF's placement is not known.
 */
public final class RegistrationEnabledCondition extends SpringBootCondition {

    /** Whether this process registers its NFs, from the environment it runs with. */
    public static boolean enabled(org.springframework.core.env.PropertyResolver env) {
        return outcome(env).isMatch();
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return outcome(context.getEnvironment());
    }

    private static ConditionOutcome outcome(org.springframework.core.env.PropertyResolver env) {
        String explicit = env.getProperty("liquid5gc.registration.enabled");
        if (explicit != null) {
            return Boolean.parseBoolean(explicit.trim())
                    ? ConditionOutcome.match("liquid5gc.registration.enabled=true")
                    : ConditionOutcome.noMatch("liquid5gc.registration.enabled=false");
        }
        String nrf = env.getProperty("liquid5gc.nf.nrf.placement", "local").trim();
        return nrf.equalsIgnoreCase("local")
                ? ConditionOutcome.noMatch("the NRF is local")
                : ConditionOutcome.match("the NRF is placed " + nrf);
    }
}
