package io.liquid5gc.runtime.invoke;

import io.liquid5gc.runtime.placement.Placement;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this process serves its functions over HTTP ({@code liquid5gc.serve.*}).
 *
 * @param placement      how callers reach this process: {@code http} (an always-on service, the default) or
 *                       {@code faas} (deployed as a FaaS function); used as the {@code placement} metric tag
 * @param function       the function answered at {@code POST /}, for FaaS platforms that route one function per
 *                       container to its root; empty: {@code POST /} answers 404
 * @param maxConcurrency invocations in flight before new ones are refused with 503 and Retry-After (on the event loop,
 *                       without a thread for the refused call); with {@code platform} threads also the most threads
 *                       the pool has
 * @param threads        what the functions run on: {@code virtual} threads (the default) or {@code platform} threads
 *                       of a pool of at most {@code maxConcurrency} ({@link PlatformFunctionThreads}: started as
 *                       needed, idle ones kept 60 s): a blocking read of a platform thread (the function's
 *                       own HTTP calls, its store's answers) is woken by the kernel directly, without the JDK's
 *                       poller and a carrier thread in between (docs/operations.md "Registration over HTTP, hop by hop")
 */
@ConfigurationProperties("liquid5gc.serve")
public record ServeProperties(@DefaultValue("http") Placement placement, String function,
                              @DefaultValue("4096") int maxConcurrency, @DefaultValue("virtual") Threads threads) {

    /** The threads functions run on. */
    public enum Threads {
        VIRTUAL,
        PLATFORM
    }

    /** These settings, functions on virtual threads. */
    public ServeProperties(Placement placement, String function, int maxConcurrency) {
        this(placement, function, maxConcurrency, Threads.VIRTUAL);
    }

    /** The declared defaults: what binding no {@code liquid5gc.serve.*} property gives. */
    public static ServeProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.serve", ServeProperties.class);
    }

    @ConstructorBinding
    public ServeProperties {
        Objects.requireNonNull(placement, "liquid5gc.serve.placement");
        Objects.requireNonNull(threads, "liquid5gc.serve.threads");
        if (placement == Placement.LOCAL) {
            throw new IllegalArgumentException("liquid5gc.serve.placement must be http or faas");
        }
        if (maxConcurrency < 1) { // 0 would refuse every call
            throw new IllegalArgumentException("liquid5gc.serve.max-concurrency must be at least 1, not " + maxConcurrency);
        }
        function = function == null || function.isBlank() ? null : function.trim(); // null: not configured
    }
}
