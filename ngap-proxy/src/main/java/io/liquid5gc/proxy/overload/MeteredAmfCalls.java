package io.liquid5gc.proxy.overload;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;
import java.util.function.LongSupplier;

/** The proxy's function client, telling {@link OverloadControl} of every AMF call it makes and how long it took. */
public final class MeteredAmfCalls implements FunctionClient {

    private final FunctionClient delegate;
    private final OverloadControl overload;
    private final LongSupplier nanoClock;

    public MeteredAmfCalls(FunctionClient delegate, OverloadControl overload, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.overload = overload;
        this.nanoClock = nanoClock;
    }

    @Override
    public <I, O> O call(FunctionSpec<I, O> function, I request) {
        long start = nanoClock.getAsLong();
        overload.callStarted();
        try {
            return delegate.call(function, request);
        } finally {
            overload.callEnded(nanoClock.getAsLong() - start);
        }
    }

    @Override
    public boolean isEnabled(NfType nf) {
        return delegate.isEnabled(nf);
    }

    @Override
    public Placement placementOf(NfType nf) {
        return delegate.placementOf(nf);
    }
}
