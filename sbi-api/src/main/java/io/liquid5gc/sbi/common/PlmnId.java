package io.liquid5gc.sbi.common;

/** PlmnId (TS 29.571 5.4.4.3): MCC of 3 digits, MNC of 2 or 3 digits. */
public record PlmnId(String mcc, String mnc) {

    public PlmnId {
        if (mcc == null || !mcc.matches("\\d{3}")) {
            throw new IllegalArgumentException("mcc must be 3 digits: " + mcc);
        }
        if (mnc == null || !mnc.matches("\\d{2,3}")) {
            throw new IllegalArgumentException("mnc must be 2 or 3 digits: " + mnc);
        }
    }

    @Override
    public String toString() {
        return mcc + "-" + mnc;
    }
}
