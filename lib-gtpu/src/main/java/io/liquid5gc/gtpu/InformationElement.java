package io.liquid5gc.gtpu;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * GTP-U information elements (TS 29.281 8): TV types below 128 have a fixed length (8.1), TLV types from 128 a
 * 2-octet length, but the Extension Header Type List (141), whose length is 1 octet (8.5). Types this library
 * does not model (Private Extension 255, the type list 141, ...) are kept as {@link Unknown} and re-encoded.
 */
public sealed interface InformationElement {

    int type();

    /** TS 29.281 8.2: Recovery (type 14, TV): the restart counter, set to 0 by a GTP-U sender. */
    record Recovery(int restartCounter) implements InformationElement {
        public static final int TYPE = 14;

        public Recovery {
            if (restartCounter < 0 || restartCounter > 0xFF) {
                throw new IllegalArgumentException("restart counter out of range: " + restartCounter);
            }
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** TS 29.281 8.3: Tunnel Endpoint Identifier Data I (type 16, TV, 4 octets): the TEID that had no context. */
    record TeidDataI(long teid) implements InformationElement {
        public static final int TYPE = 16;

        public TeidDataI {
            if (teid < 0 || teid > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("TEID out of range: " + teid);
            }
        }

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** TS 29.281 8.4: GTP-U Peer Address (type 133, TLV): an IPv4 (4 octets) or IPv6 (16 octets) address. */
    record PeerAddress(InetAddress address) implements InformationElement {
        public static final int TYPE = 133;

        @Override
        public int type() {
            return TYPE;
        }
    }

    /** Any other IE: its type and value octets. */
    record Unknown(int type, byte[] value) implements InformationElement {
        public Unknown {
            if (type < 128 || type > 0xFF) {
                throw new IllegalArgumentException("only TLV types (128-255) can be kept unknown: " + type);
            }
            if (value.length > (type == GtpuCodec.EXTENSION_HEADER_TYPE_LIST ? 0xFF : 0xFFFF)) {
                throw new IllegalArgumentException("IE value too long: " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
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
