package io.liquid5gc.sctp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A parameter TLV of INIT / INIT ACK (RFC 9260 3.2.1), value kept as bytes (without padding).
 * Known types are named by {@link Type}; any other is handled by its two high bits.
 */
public record Param(int type, byte[] value) {

    public Param {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("param type " + type);
        }
        value = value == null ? new byte[0] : value;
    }

    public int encodedLength() {
        return 4 + value.length;
    }

    public Type knownType() {
        return Type.of(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param(int t, byte[] v) && t == type && Arrays.equals(v, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        Type k = knownType();
        return (k != null ? k.name() : "param0x" + Integer.toHexString(type)) + "[" + HexFormat.of().formatHex(value) + "]";
    }

    /** Parameter types this stack recognises (RFC 9260 3.2.1, 3.3.2.1, 3.3.3.1). */
    public enum Type {
        HEARTBEAT_INFO(1), IPV4_ADDRESS(5), IPV6_ADDRESS(6), STATE_COOKIE(7), UNRECOGNIZED_PARAMETER(8),
        COOKIE_PRESERVATIVE(9), HOST_NAME_ADDRESS(11), SUPPORTED_ADDRESS_TYPES(12);

        private static final Type[] BY_CODE = new Type[13];

        static {
            for (Type t : values()) {
                BY_CODE[t.code] = t;
            }
        }

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Type of(int code) {
            return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        }
    }
}
