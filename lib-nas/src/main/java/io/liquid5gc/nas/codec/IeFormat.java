package io.liquid5gc.nas.codec;

/** IE formats of TS 24.007 11.2.1.1 and TS 24.501 9.2 as they appear in the non-imperative part. */
public enum IeFormat {
    /** Type 1: IEI in bits 8-5, value in bits 4-1. */
    TV1,
    /** Type 2: IEI only. */
    T,
    /** Type 3: IEI and a fixed-length value. */
    TV,
    /** Type 4: IEI, one-octet length, value. */
    TLV,
    /** Type 6: IEI, two-octet length, value. */
    TLV_E
}
