package io.liquid5gc.runtime.training;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The training run of an image build ({@code liquid5gc.training.*}): the process serves real requests of its functions
 * to itself, then exits, so that the JVM started with {@code -XX:AOTCacheOutput} writes an AOT cache holding the classes
 * and method profiles of the request path, not only of the context refresh (JEP 483, 514, 515).
 *
 * @param requests calls made to each deployed function (or to {@code liquid5gc.serve.function} only, when set) once
 *                 the application is ready; 0 (default): no training, the process serves as usual
 * @param timeLimit the time one function is trained at most (default 30 s): a function whose calls wait on something
 *                  absent at build time stops there
 */
@ConfigurationProperties("liquid5gc.training")
public record TrainingProperties(@DefaultValue("0") int requests, @DefaultValue("30s") java.time.Duration timeLimit) {

    /** The declared defaults: what binding no {@code liquid5gc.training.*} property gives (training off). */
    public static TrainingProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.training", TrainingProperties.class);
    }

    public TrainingProperties {
        Objects.requireNonNull(timeLimit, "liquid5gc.training.time-limit");
        if (requests < 0) {
            throw new IllegalArgumentException("liquid5gc.training.requests must be 0 (off) or more: " + requests);
        }
    }

    public boolean enabled() {
        return requests > 0;
    }
}
