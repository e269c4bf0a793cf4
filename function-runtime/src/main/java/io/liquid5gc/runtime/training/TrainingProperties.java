package io.liquid5gc.runtime.training;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The training run of an image build ({@code liquid5gc.training.*}): the process serves real requests of its functions
 * to itself, then exits, so that the JVM started with {@code -XX:AOTCacheOutput} writes an AOT cache holding the classes
 * and method profiles of the request path, not only of the context refresh (JEP 483, 514, 515).
 *
 * @param requests calls made to each deployed function (or to {@code liquid5gc.serve.function} only, when set) once
 *                 the application is ready; 0 (default): no training, the process serves as usual
 */
@ConfigurationProperties("liquid5gc.training")
public record TrainingProperties(Integer requests) {

    public TrainingProperties {
        requests = requests == null ? 0 : requests;
        if (requests < 0) {
            throw new IllegalArgumentException("liquid5gc.training.requests must be 0 (off) or more: " + requests);
        }
    }

    public boolean enabled() {
        return requests > 0;
    }
}
