package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/** MCC and MNC, 3 octets BCD (TS 24.501 9.11.3.4 octets 5-7, TS 24.008 10.5.1.13). */
public record PlmnId(String mcc, String mnc) {

    public PlmnId {
        if (mcc == null || mcc.length() != 3 || !digits(mcc) || mnc == null || mnc.length() < 2 || mnc.length() > 3
                || !digits(mnc)) {
            throw new IllegalArgumentException("bad PLMN " + mcc + "/" + mnc);
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static PlmnId decode(NasReader r) throws NasDecodeException {
        int o1 = r.u8();
        int o2 = r.u8();
        int o3 = r.u8();
        int mcc1 = o1 & 0x0F, mcc2 = o1 >> 4, mcc3 = o2 & 0x0F, mnc3 = o2 >> 4, mnc1 = o3 & 0x0F, mnc2 = o3 >> 4;
        if (mcc1 > 9 || mcc2 > 9 || mcc3 > 9 || mnc1 > 9 || mnc2 > 9 || (mnc3 > 9 && mnc3 != 0xF)) {
            throw NasReader.invalid("PLMN identity not BCD");
        }
        char[] mcc = {(char) ('0' + mcc1), (char) ('0' + mcc2), (char) ('0' + mcc3)};
        String mnc = mnc3 == 0xF
                ? new String(new char[] {(char) ('0' + mnc1), (char) ('0' + mnc2)})
                : new String(new char[] {(char) ('0' + mnc1), (char) ('0' + mnc2), (char) ('0' + mnc3)});
        return new PlmnId(new String(mcc), mnc);
    }

    public void encode(NasWriter w) {
        int mnc3 = mnc.length() == 3 ? mnc.charAt(2) - '0' : 0xF;
        w.u8(((mcc.charAt(1) - '0') << 4) | (mcc.charAt(0) - '0'));
        w.u8((mnc3 << 4) | (mcc.charAt(2) - '0'));
        w.u8(((mnc.charAt(1) - '0') << 4) | (mnc.charAt(0) - '0'));
    }

    @Override
    public String toString() {
        return mcc + "-" + mnc;
    }
}
