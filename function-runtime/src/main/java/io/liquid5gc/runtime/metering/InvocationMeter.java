package io.liquid5gc.runtime.metering;

import io.liquid5gc.sbi.FunctionSpec;

/** What the {@link io.liquid5gc.runtime.invoke.FunctionDispatcher} tells of every invocation it ran, for billing. */
public interface InvocationMeter {

    /** No metering (metering switched off, or a dispatcher built without it). */
    InvocationMeter NONE = new InvocationMeter() {
        @Override
        public void record(FunctionSpec<?, ?> function, String tenant, long nanos) {
        }

        @Override
        public boolean isKnownTenant(String tenant) {
            return false;
        }
    };

    /** One invocation of {@code function} for {@code tenant} that ran {@code nanos}. Must be cheap: it is on every call. */
    void record(FunctionSpec<?, ?> function, String tenant, long nanos);

    /** True when {@code tenant} is a configured tenant (or the platform): a label another NF may pass on. */
    boolean isKnownTenant(String tenant);
}
