package io.liquid5gc.amf.context;

/**
 * Where an intra-AMF N2 handover of the UE stands at the AMF (TS 23.502 4.9.1.3), beside its 5GMM state (a UE is
 * REGISTERED throughout a handover): none; preparing (HANDOVER REQUEST sent to the target after the source's
 * HANDOVER REQUIRED, 4.9.1.3.2); executing (the target acknowledged and the source got the HANDOVER COMMAND,
 * 4.9.1.3.3). It goes back to none at HANDOVER NOTIFY, HANDOVER CANCEL, a preparation failure and when the UE's N2
 * connection is gone.
 */
public enum HandoverState {
    NONE,
    PREPARING,
    EXECUTING
}
