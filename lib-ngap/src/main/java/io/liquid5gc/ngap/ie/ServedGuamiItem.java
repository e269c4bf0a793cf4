package io.liquid5gc.ngap.ie;

/** TS 38.413 9.2.6.2 Served GUAMI item: GUAMI and optional backup AMF name (null when absent). */
public record ServedGuamiItem(Guami guami, String backupAmfName) {
    public ServedGuamiItem(Guami guami) {
        this(guami, null);
    }
}
