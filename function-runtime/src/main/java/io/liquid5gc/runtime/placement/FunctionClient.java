package io.liquid5gc.runtime.placement;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/**
 * The one way a function calls another: the target's placement (local, http or faas) comes from
 * configuration, never from the caller's code.
 */
public interface FunctionClient {

    /**
     * Calls a function and returns its answer.
     *
     * @throws FunctionCallException naming the function and its placement when the call fails: the peer's
     *                               problem, an unreachable peer, a timeout, a malformed answer, an unknown or
     *                               disabled function
     */
    <I, O> O call(FunctionSpec<I, O> function, I request);

    /** False when the NF is a Release 17 NF switched off by configuration: callers skip it. */
    boolean isEnabled(NfType nf);

    /** The placement configured for an NF. */
    Placement placementOf(NfType nf);
}
