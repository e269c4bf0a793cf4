package io.liquid5gc.sbi.amf;

import java.util.List;

/** What the AMF function asks the proxy to do, in order; {@code gmmState} is the UE's 5GMM state afterwards (for logs and metrics). */
public record UeResult(List<UeAction> actions, GmmState gmmState) {

    public UeResult {
        actions = List.copyOf(actions);
    }
}
