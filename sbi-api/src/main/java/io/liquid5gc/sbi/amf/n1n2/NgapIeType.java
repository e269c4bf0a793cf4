package io.liquid5gc.sbi.amf.n1n2;

/** NgapIeType (TS 29.518 6.1.6.3.13), the two N2 SM information types the SMF sends unasked. */
public enum NgapIeType {
    /** PDU Session Resource Setup Request Transfer: downlink data, the session is to be re-activated (TS 23.502 4.2.3.3). */
    PDU_RES_SETUP_REQ,
    /** PDU Session Resource Release Command Transfer: the SMF released the session (TS 23.502 4.3.4.2). */
    PDU_RES_REL_CMD
}
