package io.liquid5gc.sbi.amf;

import java.util.List;

/** What the AMF function asks the proxy to do, in order; {@code gmmState} is the UE's 5GMM state afterwards (for logs and metrics). */
public record UeN1Result(List<N1Action> actions, String gmmState) {

    public UeN1Result {
        actions = List.copyOf(actions);
    }
}
