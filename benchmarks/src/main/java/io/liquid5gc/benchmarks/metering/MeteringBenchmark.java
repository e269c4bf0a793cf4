package io.liquid5gc.benchmarks.metering;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.metering.InvocationMeter;
import io.liquid5gc.runtime.metering.MeteringProperties;
import io.liquid5gc.runtime.metering.Tenancy;
import io.liquid5gc.runtime.metering.TenantMeter;
import io.liquid5gc.runtime.metering.TenantProperties;
import io.liquid5gc.runtime.metering.Tenants;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * What per-tenant metering adds to an invocation: the dispatcher invoking an in-process function (a trivial one, so the
 * dispatcher's own cost shows) for a bound tenant, with metering off ({@code metering=false}: {@link InvocationMeter#NONE},
 * the code before metering) and on ({@link TenantMeter}: three Prometheus counters and the ledger's adders), and the
 * meter's {@code record} alone. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar MeteringBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MeteringBenchmark {

    @Param({"false", "true"})
    public boolean metering;

    private FunctionDispatcher dispatcher;
    private TenantMeter meter;
    @SuppressWarnings("unchecked")
    private final FunctionSpec<Object, Object> spec = (FunctionSpec<Object, Object>) Functions.byName("udr-data-read").orElseThrow();

    @Setup
    public void setUp() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Tenants tenants = new Tenants(new TenantProperties(List.of(new TenantProperties.Tenant("campus-a", List.of("1-010203"), List.of()))));
        meter = new TenantMeter(registry, MeteringProperties.defaults(), tenants, Clock.systemUTC());
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton(spec.name(), (Function<Object, Object>) in -> in);
        dispatcher = new FunctionDispatcher(beans, registry, metering ? meter : InvocationMeter.NONE);
    }

    @Benchmark
    public Object invoke() {
        return Tenancy.callAs("campus-a", () -> dispatcher.invoke(spec, "x", Placement.LOCAL));
    }

    @Benchmark
    public void recordOnly() {
        meter.record(spec, "campus-a", 12_345);
    }
}
