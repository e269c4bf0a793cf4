package io.liquid5gc.pfcp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A PFCP information element (TS 29.244 8.1.1): Type (2 octets), Length (2 octets, the octets after it), and for
 * types from 32768 an Enterprise ID, then the value. The IEs this library models are records in the families
 * {@link NodeIe}, {@link TunnelIe}, {@link RuleIe}, {@link UsageIe} and {@link GroupedIe}; any other type is kept as
 * {@link Unknown} and re-encoded unchanged, and so is a known IE whose value has more octets than the release this
 * library follows defines (a later release's extension).
 */
public sealed interface Ie permits Ie.Cause, Ie.OffendingIe, Ie.Unknown, NodeIe, TunnelIe, RuleIe, UsageIe, GroupedIe {

    /** The IE type (TS 29.244 Table 8.1.2-1). */
    int type();

    /** Writes the value octets (not Type and Length). */
    void writeValue(Sink out);

    /** The value octets, as they go on the wire after Type and Length. */
    default byte[] valueOctets() {
        Sink s = new Sink();
        writeValue(s);
        return s.toByteArray();
    }

    /** TS 29.244 8.2.1: Cause (type 19, 1 octet). */
    record Cause(Value value) implements Ie {
        public static final int TYPE = 19;

        /** Cause values (TS 29.244 Table 8.2.1-1); a code this library does not name decodes as {@link Ie.Unknown}. */
        public enum Value {
            REQUEST_ACCEPTED(1),
            MORE_USAGE_REPORT_TO_SEND(2),
            REQUEST_REJECTED(64),
            SESSION_CONTEXT_NOT_FOUND(65),
            MANDATORY_IE_MISSING(66),
            CONDITIONAL_IE_MISSING(67),
            INVALID_LENGTH(68),
            MANDATORY_IE_INCORRECT(69),
            INVALID_FORWARDING_POLICY(70),
            INVALID_F_TEID_ALLOCATION_OPTION(71),
            NO_ESTABLISHED_PFCP_ASSOCIATION(72),
            RULE_CREATION_MODIFICATION_FAILURE(73),
            PFCP_ENTITY_IN_CONGESTION(74),
            NO_RESOURCES_AVAILABLE(75),
            SERVICE_NOT_SUPPORTED(76),
            SYSTEM_FAILURE(77),
            REDIRECTION_REQUESTED(78),
            ALL_DYNAMIC_ADDRESSES_ARE_OCCUPIED(79);

            private final int code;

            Value(int code) {
                this.code = code;
            }

            public int code() {
                return code;
            }

            /** TS 29.244 8.2.1: 1-63 accept (or partly), from 64 reject. */
            public boolean accepted() {
                return code < 64;
            }

            public static Value of(int code) {
                for (Value v : values()) {
                    if (v.code == code) {
                        return v;
                    }
                }
                return null;
            }
        }

        public Cause {
            java.util.Objects.requireNonNull(value);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u8(value.code);
        }

        static Ie read(Octets v) {
            int code = v.u8();
            Value value = Value.of(code);
            return value == null ? new Unknown(TYPE, new byte[] {(byte) code}) : new Cause(value);
        }
    }

    /** TS 29.244 8.2.22: Offending IE (type 40, 2 octets): the type of the IE that made a request fail. */
    record OffendingIe(int offendingType) implements Ie {
        public static final int TYPE = 40;

        public OffendingIe {
            Bits.range("offending IE type", offendingType, 0xFFFF);
        }

        @Override
        public int type() {
            return TYPE;
        }

        @Override
        public void writeValue(Sink out) {
            out.u16(offendingType);
        }

        static OffendingIe read(Octets v) {
            return new OffendingIe(v.u16());
        }
    }

    /** Any IE this library does not model (or whose value it cannot take as its release defines): type and value. */
    record Unknown(int type, byte[] value) implements Ie {
        public Unknown {
            Bits.range("IE type", type, 0xFFFF);
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("IE value too long: " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public void writeValue(Sink out) {
            out.bytes(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.type == type && Arrays.equals(u.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Unknown[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
        }
    }
}
