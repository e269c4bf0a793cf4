package io.liquid5gc.nas.ie;

/** SSC mode, TS 24.501 9.11.4.16; unused values 4-6 are read as modes 1-3 respectively. */
public enum SscMode {
    SSC_MODE_1(1), SSC_MODE_2(2), SSC_MODE_3(3);

    public final int code;

    SscMode(int code) {
        this.code = code;
    }

    public static SscMode fromCode(int code) {
        return switch (code & 0x07) {
            case 2, 5 -> SSC_MODE_2;
            case 3, 6 -> SSC_MODE_3;
            default -> SSC_MODE_1;
        };
    }
}
