package io.liquid5gc.runtime.invoke;

import io.liquid5gc.runtime.metering.InvocationMeter;
import io.liquid5gc.runtime.metering.Tenancy;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.security.SbiAuthorization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Runs the functions deployed in this process: each is a Spring Cloud Function bean named as in the contract
 * ({@link Functions}). Every invocation is timed as {@code liquid5gc.function.invocations} tagged with nf,
 * function, placement (how the call arrived) and outcome; the first invocation of the process is counted as a
 * cold start ({@code liquid5gc.function.cold.starts}) and the time from JVM start to it is kept in
 * {@code liquid5gc.process.first.invocation.seconds}.
 *
 * <p>Every invocation has a {@link Caller}: the one the verified access token names (HTTP), the NF of the function
 * calling in-process, or {@link Caller#IN_PROCESS} for code outside any function. A caller that is not trusted must
 * be of a consumer type {@link SbiAuthorization} permits for the function, else 403 ACCESS_TOKEN_DENIED; the function
 * then sees its caller as {@link Caller#current()}.
 *
 * <p>Every invocation is also metered for its tenant ({@link InvocationMeter}, {@link Tenancy}): the tenant bound by
 * the code around an in-process call (the proxy binds the UE's; a function's nested calls inherit it), or the one another
 * NF process passed on with the call, which is taken only from a caller proven by its access token (an NF inside the
 * SBI trust domain, TS 33.501 13.4.1) and only when it names a configured tenant; anything else is the platform's.
 */
public final class FunctionDispatcher {

    private static final Logger log = LoggerFactory.getLogger(FunctionDispatcher.class);

    /** The NF whose function runs on this thread: an in-process call it makes is a call by that NF. */
    private static final ScopedValue<NfType> EXECUTING = ScopedValue.newInstance();

    private final ListableBeanFactory beans;
    private final MeterRegistry meters;
    private final Map<String, Function<Object, Object>> resolved = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final AtomicBoolean warm = new AtomicBoolean();
    private final AtomicLong firstInvocationMillis = new AtomicLong(-1);
    private final InvocationMeter metering;
    private final Counter tenantRefused;

    public FunctionDispatcher(ListableBeanFactory beans, MeterRegistry meters) {
        this(beans, meters, InvocationMeter.NONE);
    }

    public FunctionDispatcher(ListableBeanFactory beans, MeterRegistry meters, InvocationMeter metering) {
        this.beans = beans;
        this.meters = meters;
        this.metering = metering;
        this.tenantRefused = Counter.builder("liquid5gc.metering.tenant.refused")
                .description("Tenant labels passed on by a caller and not taken (caller not proven by an access token, or no such tenant)")
                .register(meters);
        Gauge.builder("liquid5gc.process.first.invocation", firstInvocationMillis, v -> v.get() < 0 ? Double.NaN : v.get() / 1000.0)
                .description("Seconds from JVM start to the first function invocation of this process")
                .baseUnit("seconds")
                .register(meters);
    }

    /** True when the function's bean is in this process. */
    public boolean isDeployed(String function) {
        return resolved.containsKey(function) || (Functions.byName(function).isPresent() && beans.containsBean(function));
    }

    /** The names of the contract's functions deployed in this process. */
    public List<String> deployed() {
        return Functions.all().stream().map(FunctionSpec::name).filter(this::isDeployed).toList();
    }

    /**
     * Invokes a deployed function. A {@link ProblemException} from the function passes through; a store that does not
     * answer ({@link io.liquid5gc.runtime.store.StoreUnavailableException}) becomes a 503 STORE_UNAVAILABLE problem; any
     * other exception becomes a 500 problem (logged here, its message not echoed to the caller).
     */
    public <I, O> O invoke(FunctionSpec<I, O> spec, I input, Placement via) {
        return invoke(spec, input, via, inProcessCaller());
    }

    /**
     * The caller of an in-process call made now: the NF of the function running on this thread, else the caller
     * bound by the code around it ({@link Caller#IN_PROCESS} when none).
     */
    public static Caller inProcessCaller() {
        return EXECUTING.isBound() ? Caller.ofFunction(ConsumerType.of(EXECUTING.get())) : Caller.current();
    }

    /** Invokes a deployed function for {@code caller}, after checking the authorization table. */
    public <I, O> O invoke(FunctionSpec<I, O> spec, I input, Placement via, Caller caller) {
        return invoke(spec, input, via, caller, null);
    }

    /**
     * Invokes a deployed function for {@code caller}, billed to {@code claimedTenant} when the caller may say so: a
     * caller proven by an access token (or any caller with SBI security off, a lab) naming a configured tenant. Null,
     * or a label not taken: the tenant bound on this thread, else the platform.
     */
    public <I, O> O invoke(FunctionSpec<I, O> spec, I input, Placement via, Caller caller, String claimedTenant) {
        String tenant = Tenancy.boundOrNull();
        if (claimedTenant != null) {
            boolean mayClaim = caller.proof() == Caller.Proof.ACCESS_TOKEN || caller.proof() == Caller.Proof.SECURITY_OFF;
            if (mayClaim && metering.isKnownTenant(claimedTenant)) {
                tenant = claimedTenant;
            } else {
                tenantRefused.increment();
            }
        }
        return run(spec, input, via, caller, tenant == null ? Tenancy.PLATFORM : tenant);
    }

    @SuppressWarnings("unchecked")
    private <I, O> O run(FunctionSpec<I, O> spec, I input, Placement via, Caller caller, String tenant) {
        if (!caller.trusted() && !SbiAuthorization.permits(spec, caller.type())) {
            throw ProblemException.forbidden("ACCESS_TOKEN_DENIED", caller.describe() + " may not call " + spec.name()
                    + " (TS 33.501 13.4.1; allowed: " + SbiAuthorization.ruleOf(spec).consumers() + ")");
        }
        Function<Object, Object> fn = resolved.computeIfAbsent(spec.name(), this::lookup);
        boolean cold = warm.compareAndSet(false, true);
        long start = System.nanoTime();
        String outcome = "success";
        try {
            Object out = ScopedValue.where(EXECUTING, spec.nf())
                    .call(() -> Caller.callAs(caller, () -> Tenancy.callAs(tenant, () -> fn.apply(input))));
            if (out == null) {
                throw new ProblemException(500, "Internal Server Error", "SYSTEM_FAILURE", spec.name() + " returned no answer");
            }
            return (O) out;
        } catch (ProblemException e) {
            outcome = outcomeOf(e.status());
            throw e;
        } catch (RuntimeException e) {
            outcome = "failed";
            if (io.liquid5gc.runtime.store.StoreUnavailableException.in(e) != null) {
                // the store's connection has said so (WARN) and reconnects by itself: 503 with Retry-After, no stack
                log.debug("function {}: store unavailable: {}", spec.name(), e.getMessage());
                throw new ProblemException(io.liquid5gc.runtime.store.StoreUnavailableException.problem(spec.name()), e);
            }
            log.error("function {} failed", spec.name(), e);
            throw new ProblemException(ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE",
                    spec.name() + " failed: " + e.getClass().getSimpleName()), e);
        } finally {
            long elapsed = System.nanoTime() - start;
            timer(spec, via, outcome).record(elapsed, TimeUnit.NANOSECONDS);
            metering.record(spec, tenant, elapsed);
            if (cold) {
                firstInvocationMillis.set(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
                Counter.builder("liquid5gc.function.cold.starts")
                        .description("First invocation of this process (a cold start when the process was started for it)")
                        .tag("nf", spec.nf().key()).tag("function", spec.name()).tag("placement", via.key())
                        .register(meters).increment();
            }
        }
    }

    static String outcomeOf(int status) {
        if (status == 501) {
            return "not_implemented";
        }
        return status >= 500 ? "failed" : "rejected";
    }

    @SuppressWarnings("unchecked")
    private Function<Object, Object> lookup(String name) {
        if (!beans.containsBean(name)) {
            throw new ProblemException(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND",
                    "function " + name + " is not deployed in this process");
        }
        Object bean = beans.getBean(name);
        if (!(bean instanceof Function<?, ?> f)) {
            throw new IllegalStateException("bean " + name + " is a " + bean.getClass().getName() + ", not a java.util.function.Function");
        }
        return (Function<Object, Object>) f;
    }

    private Timer timer(FunctionSpec<?, ?> spec, Placement via, String outcome) {
        String key = spec.name() + '|' + via.ordinal() + '|' + outcome;
        Timer t = timers.get(key);
        if (t == null) {
            t = timers.computeIfAbsent(key, k -> Timer.builder("liquid5gc.function.invocations")
                    .description("Function invocations served by this process")
                    .tag("nf", spec.nf().key()).tag("function", spec.name())
                    .tag("placement", via.key()).tag("outcome", outcome.toLowerCase(Locale.ROOT))
                    .publishPercentileHistogram()
                    .register(meters));
        }
        return t;
    }
}
