package io.liquid5gc.sbi.amf.n1n2;

/** N1N2MessageTransferCause (TS 29.518 6.1.6.3.7), the values the N2 side answers with. */
public enum N1N2MessageTransferCause {
    /** 202: the UE is CM-IDLE and being paged (the SMF learns the outcome from the UE's service request). */
    ATTEMPTING_TO_REACH_UE,
    /** 200: the UE is CM-CONNECTED and the messages went to it (or, for downlink data, nothing was needed). */
    N1_N2_TRANSFER_INITIATED,
    /** 200: skipInd and a CM-IDLE UE: the N1 message was not sent (the UE learns it at its next service request). */
    N1_MSG_NOT_TRANSFERRED
}
