package io.liquid5gc.sbi.amf.n1n2;

/** N1MessageClass (TS 29.518 6.1.6.3.4): the N1 messages this core transfers are 5GSM ones. */
public enum N1MessageClass {
    SM
}
