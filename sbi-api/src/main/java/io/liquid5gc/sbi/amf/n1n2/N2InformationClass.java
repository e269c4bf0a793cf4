package io.liquid5gc.sbi.amf.n1n2;

/** N2InformationClass (TS 29.518 6.1.6.3.5): the N2 information this core transfers is for a PDU session. */
public enum N2InformationClass {
    SM
}
