package io.liquid5gc.sbi.amf.n1n2;

/** N1N2MessageTransferRspData (TS 29.518 6.1.6.2.24): the answer of a 200 or 202. */
public record N1N2MessageTransferRspData(N1N2MessageTransferCause cause) {
}
