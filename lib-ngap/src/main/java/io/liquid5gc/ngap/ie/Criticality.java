package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.2 / ASN.1 Criticality ::= ENUMERATED {reject, ignore, notify}; the code is the ASN.1 index. */
public enum Criticality {
    REJECT, IGNORE, NOTIFY;

    private static final Criticality[] BY_CODE = values();

    public int code() {
        return ordinal();
    }

    /** null when out of range. */
    public static Criticality fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
