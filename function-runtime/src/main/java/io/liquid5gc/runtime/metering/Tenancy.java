package io.liquid5gc.runtime.metering;

/**
 * The tenant a function invocation is billed to, carried along a chain of calls: bound by the code that starts a UE's
 * procedure (the N2 proxy, from the UE's slices and PLMN), kept by the {@link io.liquid5gc.runtime.invoke.FunctionDispatcher}
 * for every function the chain invokes in-process, and sent on to other processes as the {@value #HEADER} header, which
 * the receiving dispatcher accepts only from an NF caller proven by its access token (see
 * {@link io.liquid5gc.runtime.invoke.FunctionDispatcher#invoke}). Invocations that serve no UE (NRF registration,
 * heart-beats, discovery) are billed to {@value #PLATFORM}.
 */
public final class Tenancy {

    /** The tenant of everything that serves no UE, and of anything not attributed to a configured tenant. */
    public static final String PLATFORM = "platform";

    /** The HTTP header carrying the tenant from one NF process to the next. */
    public static final String HEADER = "Liquid5gc-Tenant";

    private static final ScopedValue<String> CURRENT = ScopedValue.newInstance();

    private Tenancy() {
    }

    /** The tenant bound on this thread, {@value #PLATFORM} when none. */
    public static String current() {
        return CURRENT.isBound() ? CURRENT.get() : PLATFORM;
    }

    /** The tenant bound on this thread, null when none. */
    public static String boundOrNull() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /** Runs {@code op} with {@code tenant} as {@link #current()} (null or blank: {@value #PLATFORM}). */
    public static <T, X extends Throwable> T callAs(String tenant, ScopedValue.CallableOp<T, X> op) throws X {
        return ScopedValue.where(CURRENT, tenant == null || tenant.isBlank() ? PLATFORM : tenant).call(op);
    }
}
