package io.liquid5gc.ngap.ie;

/**
 * TS 38.413 9.2.6.11 UE-associated logical NG-connection item: either id may be absent ({@link #ABSENT}).
 */
public record UeAssociatedConnection(long amfUeNgapId, long ranUeNgapId) {
    public static final long ABSENT = -1;
}
