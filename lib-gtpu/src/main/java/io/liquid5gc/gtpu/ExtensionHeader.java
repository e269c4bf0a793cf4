package io.liquid5gc.gtpu;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A GTP-U extension header (TS 29.281 5.2): length in units of 4 octets, content, and the next type (which the codec
 * writes from the following header). Types this library does not model are kept as {@link Other} and re-encoded.
 */
public sealed interface ExtensionHeader permits PduSessionContainer, ExtensionHeader.UdpPort, ExtensionHeader.Other {

    /** The Next Extension Header Type value that announces this header. */
    int type();

    /** TS 29.281 5.2.2.1: the UDP source port of the message that triggered an Error Indication. */
    record UdpPort(int port) implements ExtensionHeader {
        public UdpPort {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public int type() {
            return ExtensionHeaderType.UDP_PORT.code();
        }
    }

    /** Any other extension header: its type and its content (4n-2 octets, between the length and next-type octets). */
    record Other(int type, byte[] content) implements ExtensionHeader {
        public Other {
            if (type <= 0 || type > 0xFF) {
                throw new IllegalArgumentException("extension header type out of range: " + type);
            }
            if ((content.length + 2) % 4 != 0 || content.length + 2 > 255 * 4) {
                throw new IllegalArgumentException("extension header content must be 4n-2 octets (n <= 255): " + content.length);
            }
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && x.type == type && Arrays.equals(x.content, content);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return "Other[type=0x" + Integer.toHexString(type) + ", content=" + HexFormat.of().formatHex(content) + "]";
        }
    }
}
