package io.liquid5gc.nas.ie;

/** 5GS registration type, TS 24.501 9.11.3.7: FOR bit (bit 4) and the type (bits 3-1). */
public record RegistrationType(boolean followOnRequest, Value value) {

    /** Registration type values; all unused values are read as initial registration (9.11.3.7). */
    public enum Value {
        INITIAL(1), MOBILITY_UPDATING(2), PERIODIC_UPDATING(3), EMERGENCY(4), SNPN_ONBOARDING(5),
        DISASTER_ROAMING_MOBILITY(6), DISASTER_ROAMING_INITIAL(7);

        private static final Value[] BY_CODE = new Value[8];

        static {
            for (Value v : values()) {
                BY_CODE[v.code] = v;
            }
        }

        public final int code;

        Value(int code) {
            this.code = code;
        }

        public static Value fromCode(int code) {
            Value v = code >= 0 && code < 8 ? BY_CODE[code] : null;
            return v == null ? INITIAL : v;
        }
    }

    public static RegistrationType fromHalf(int half) {
        return new RegistrationType((half & 0x08) != 0, Value.fromCode(half & 0x07));
    }

    public int toHalf() {
        return (followOnRequest ? 0x08 : 0) | value.code;
    }
}
