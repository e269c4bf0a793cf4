package io.liquid5gc.gtpu;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes and decodes GTP-U messages (TS 29.281). Decoding never throws: a datagram that is not a readable message
 * gives a {@link DecodeResult.Failed}; every length is checked against what is left before anything is allocated.
 */
public final class GtpuCodec {

    /** The GTP-U UDP port (TS 29.281 4.4.2.3). */
    public static final int PORT = 2152;
    /** TS 29.281 8.5: the Extension Header Type List, the one TLV IE with a 1-octet length. */
    static final int EXTENSION_HEADER_TYPE_LIST = 141;
    private static final int HEADER = 8;
    private static final int OPTIONAL = 4;
    /** The largest message: the Length field counts at most 65535 octets after the mandatory header. */
    public static final int MAX_MESSAGE = HEADER + 0xFFFF;

    private GtpuCodec() {
    }

    // ---- decoding ----------------------------------------------------------------------------------------------

    public static DecodeResult decode(byte[] datagram) {
        return decode(datagram, 0, datagram.length);
    }

    /** Decodes the message in {@code buf[offset, offset + length)}; octets after the Length field's end are ignored. */
    public static DecodeResult decode(byte[] buf, int offset, int length) {
        if (length < HEADER) {
            return fail(DecodeError.TRUNCATED, "a GTP-U header is 8 octets, got " + length);
        }
        int flags = buf[offset] & 0xFF;
        if (flags >> 5 != 1) {
            return fail(DecodeError.UNSUPPORTED_VERSION, "version " + (flags >> 5) + " (GTPv1-U is 1)");
        }
        if ((flags & 0x10) == 0) {
            return fail(DecodeError.NOT_GTP, "PT = 0 (GTP')");
        }
        int type = buf[offset + 1] & 0xFF;
        int declared = u16(buf, offset + 2);
        if (HEADER + declared > length) {
            return fail(DecodeError.TRUNCATED, "Length " + declared + " but " + (length - HEADER) + " octets follow the header");
        }
        int end = offset + HEADER + declared;
        long teid = u32(buf, offset + 4);
        int pos = offset + HEADER;
        boolean e = (flags & 4) != 0;
        boolean s = (flags & 2) != 0;
        boolean pn = (flags & 1) != 0;
        Integer seq = null;
        Integer npdu = null;
        List<ExtensionHeader> extensions = List.of();
        if (e || s || pn) {
            if (declared < OPTIONAL) {
                return fail(DecodeError.TRUNCATED, "E, S or PN set but Length " + declared + " < 4");
            }
            // TS 29.281 5.1: a field whose flag is 0 is present but ignored
            seq = s ? u16(buf, pos) : null;
            npdu = pn ? buf[pos + 2] & 0xFF : null;
            int next = buf[pos + 3] & 0xFF;
            pos += OPTIONAL;
            if (e && next != 0) {
                extensions = new ArrayList<>(2);
                while (next != 0) {
                    if (extensions.size() == GtpuHeader.MAX_EXTENSION_HEADERS) {
                        return fail(DecodeError.BAD_EXTENSION_HEADER, "more than " + GtpuHeader.MAX_EXTENSION_HEADERS + " extension headers");
                    }
                    if (pos >= end) {
                        return fail(DecodeError.BAD_EXTENSION_HEADER, "extension header 0x" + Integer.toHexString(next) + " announced but the message ends");
                    }
                    int units = buf[pos] & 0xFF;
                    if (units == 0) {
                        return fail(DecodeError.BAD_EXTENSION_HEADER, "extension header 0x" + Integer.toHexString(next) + " with length 0 (TS 29.281 5.2.1)");
                    }
                    if (pos + 4 * units > end) {
                        return fail(DecodeError.BAD_EXTENSION_HEADER, "extension header 0x" + Integer.toHexString(next) + " of " + 4 * units
                                + " octets runs past the message");
                    }
                    extensions.add(extension(next, buf, pos + 1, 4 * units - 2));
                    next = buf[pos + 4 * units - 1] & 0xFF;
                    pos += 4 * units;
                }
            }
        }
        GtpuHeader header = new GtpuHeader(teid, seq, npdu, extensions);
        MessageType known = MessageType.of(type);
        if (known == MessageType.G_PDU) {
            return new DecodeResult.Decoded(new GtpuMessage.GPdu(header, Arrays.copyOfRange(buf, pos, end)));
        }
        if (known == null || known == MessageType.SUPPORTED_EXTENSION_HEADERS_NOTIFICATION) {
            return new DecodeResult.Decoded(new GtpuMessage.Other(type, header, Arrays.copyOfRange(buf, pos, end)));
        }
        List<InformationElement> ies = new ArrayList<>(2);
        String bad = informationElements(buf, pos, end, ies);
        if (bad != null) {
            return fail(DecodeError.BAD_INFORMATION_ELEMENT, bad);
        }
        return switch (known) {
            case ECHO_REQUEST -> new DecodeResult.Decoded(new GtpuMessage.EchoRequest(header, ies));
            case END_MARKER -> new DecodeResult.Decoded(new GtpuMessage.EndMarker(header, ies));
            case ECHO_RESPONSE -> {
                InformationElement.Recovery r = take(ies, InformationElement.Recovery.class);
                yield r == null ? fail(DecodeError.MISSING_MANDATORY, "Echo Response without Recovery (TS 29.281 7.2.2)")
                        : new DecodeResult.Decoded(new GtpuMessage.EchoResponse(header, r.restartCounter(), ies));
            }
            case ERROR_INDICATION -> {
                InformationElement.TeidDataI t = take(ies, InformationElement.TeidDataI.class);
                InformationElement.PeerAddress a = take(ies, InformationElement.PeerAddress.class);
                yield t == null || a == null
                        ? fail(DecodeError.MISSING_MANDATORY, "Error Indication without " + (t == null ? "TEID Data I" : "GTP-U Peer Address")
                        + " (TS 29.281 7.3.1)")
                        : new DecodeResult.Decoded(new GtpuMessage.ErrorIndication(header, t.teid(), a.address(), ies));
            }
            default -> throw new IllegalStateException("unreachable: " + known);
        };
    }

    private static ExtensionHeader extension(int type, byte[] buf, int from, int length) {
        if (type == ExtensionHeaderType.PDU_SESSION_CONTAINER.code()) {
            PduSessionContainer.PduType pduType = PduSessionContainer.PduType.of((buf[from] & 0xFF) >> 4);
            if (pduType != null) {
                return new PduSessionContainer(pduType, buf[from] & 0xF, (buf[from + 1] & 0xFF) >> 6, buf[from + 1] & 0x3F,
                        Arrays.copyOfRange(buf, from + 2, from + length));
            }
        } else if (type == ExtensionHeaderType.UDP_PORT.code() && length == 2) {
            return new ExtensionHeader.UdpPort(u16(buf, from));
        }
        return new ExtensionHeader.Other(type, Arrays.copyOfRange(buf, from, from + length));
    }

    /** Reads the IEs of {@code buf[pos, end)} into {@code out}; returns what is wrong, or null. */
    private static String informationElements(byte[] buf, int pos, int end, List<InformationElement> out) {
        while (pos < end) {
            int type = buf[pos] & 0xFF;
            if (type < 128) {
                int len = switch (type) {
                    case InformationElement.Recovery.TYPE -> 1;
                    case InformationElement.TeidDataI.TYPE -> 4;
                    default -> -1;
                };
                if (len < 0) {
                    return "unknown TV IE type " + type + " (its length cannot be known, TS 29.281 8.1)";
                }
                if (pos + 1 + len > end) {
                    return "IE " + type + " runs past the message";
                }
                out.add(type == InformationElement.Recovery.TYPE ? new InformationElement.Recovery(buf[pos + 1] & 0xFF)
                        : new InformationElement.TeidDataI(u32(buf, pos + 1)));
                pos += 1 + len;
                continue;
            }
            int lengthOctets = type == EXTENSION_HEADER_TYPE_LIST ? 1 : 2;
            if (pos + 1 + lengthOctets > end) {
                return "IE " + type + " without its length";
            }
            int len = lengthOctets == 1 ? buf[pos + 1] & 0xFF : u16(buf, pos + 1);
            int from = pos + 1 + lengthOctets;
            if (from + len > end) {
                return "IE " + type + " of " + len + " octets runs past the message";
            }
            if (type == InformationElement.PeerAddress.TYPE) {
                if (len != 4 && len != 16) {
                    return "GTP-U Peer Address of " + len + " octets (4 or 16, TS 29.281 8.4)";
                }
                try {
                    out.add(new InformationElement.PeerAddress(InetAddress.getByAddress(Arrays.copyOfRange(buf, from, from + len))));
                } catch (UnknownHostException ex) {
                    return "GTP-U Peer Address: " + ex.getMessage();
                }
            } else {
                out.add(new InformationElement.Unknown(type, Arrays.copyOfRange(buf, from, from + len)));
            }
            pos = from + len;
        }
        return null;
    }

    private static <T extends InformationElement> T take(List<InformationElement> ies, Class<T> type) {
        for (int i = 0; i < ies.size(); i++) {
            if (type.isInstance(ies.get(i))) {
                return type.cast(ies.remove(i));
            }
        }
        return null;
    }

    // ---- encoding ----------------------------------------------------------------------------------------------

    /** Encodes a message; throws IllegalArgumentException when it does not fit a GTP-U message (65535 octets after the header). */
    public static byte[] encode(GtpuMessage m) {
        GtpuHeader h = m.header();
        List<InformationElement> ies = switch (m) {
            case GtpuMessage.EchoRequest r -> r.others();
            case GtpuMessage.EchoResponse r -> prepend(List.of(new InformationElement.Recovery(r.restartCounter())), r.others());
            case GtpuMessage.ErrorIndication r -> prepend(List.of(new InformationElement.TeidDataI(r.teidDataI()),
                    new InformationElement.PeerAddress(r.peerAddress())), r.others());
            case GtpuMessage.EndMarker r -> r.others();
            case GtpuMessage.GPdu g -> List.of();
            case GtpuMessage.Other o -> List.of();
        };
        byte[] body = switch (m) {
            case GtpuMessage.GPdu g -> g.tpdu();
            case GtpuMessage.Other o -> o.body();
            default -> null;
        };
        int size = HEADER + (h.hasOptionalFields() ? OPTIONAL : 0);
        for (ExtensionHeader e : h.extensionHeaders()) {
            size += content(e).length + 2;
        }
        if (body != null) {
            size += body.length;
        } else {
            for (InformationElement ie : ies) {
                size += ieSize(ie);
            }
        }
        if (size > MAX_MESSAGE) {
            throw new IllegalArgumentException("GTP-U message of " + size + " octets exceeds " + MAX_MESSAGE);
        }
        byte[] out = new byte[size];
        boolean ext = !h.extensionHeaders().isEmpty();
        out[0] = (byte) (0x30 | (ext ? 4 : 0) | (h.sequenceNumber() != null ? 2 : 0) | (h.npduNumber() != null ? 1 : 0));
        out[1] = (byte) m.messageType();
        put16(out, 2, size - HEADER);
        put32(out, 4, h.teid());
        int pos = HEADER;
        if (h.hasOptionalFields()) {
            put16(out, pos, h.sequenceNumber() == null ? 0 : h.sequenceNumber());
            out[pos + 2] = (byte) (h.npduNumber() == null ? 0 : h.npduNumber());
            out[pos + 3] = (byte) (ext ? h.extensionHeaders().getFirst().type() : 0);
            pos += OPTIONAL;
        }
        for (int i = 0; i < h.extensionHeaders().size(); i++) {
            byte[] c = content(h.extensionHeaders().get(i));
            out[pos] = (byte) ((c.length + 2) / 4);
            System.arraycopy(c, 0, out, pos + 1, c.length);
            out[pos + 1 + c.length] = (byte) (i + 1 < h.extensionHeaders().size() ? h.extensionHeaders().get(i + 1).type() : 0);
            pos += c.length + 2;
        }
        if (body != null) {
            System.arraycopy(body, 0, out, pos, body.length);
        } else {
            for (InformationElement ie : ies) {
                pos = writeIe(out, pos, ie);
            }
        }
        return out;
    }

    private static byte[] content(ExtensionHeader e) {
        return switch (e) {
            case PduSessionContainer p -> p.content();
            case ExtensionHeader.UdpPort u -> new byte[] {(byte) (u.port() >> 8), (byte) u.port()};
            case ExtensionHeader.Other o -> o.content();
        };
    }

    private static int ieSize(InformationElement ie) {
        return switch (ie) {
            case InformationElement.Recovery r -> 2;
            case InformationElement.TeidDataI t -> 5;
            case InformationElement.PeerAddress a -> 3 + a.address().getAddress().length;
            case InformationElement.Unknown u -> (u.type() == EXTENSION_HEADER_TYPE_LIST ? 2 : 3) + u.value().length;
        };
    }

    private static int writeIe(byte[] out, int pos, InformationElement ie) {
        out[pos] = (byte) ie.type();
        switch (ie) {
            case InformationElement.Recovery r -> out[pos + 1] = (byte) r.restartCounter();
            case InformationElement.TeidDataI t -> put32(out, pos + 1, t.teid());
            case InformationElement.PeerAddress a -> {
                byte[] addr = a.address().getAddress();
                put16(out, pos + 1, addr.length);
                System.arraycopy(addr, 0, out, pos + 3, addr.length);
            }
            case InformationElement.Unknown u -> {
                byte[] v = u.value();
                int at = pos + 1;
                if (u.type() == EXTENSION_HEADER_TYPE_LIST) {
                    out[at++] = (byte) v.length;
                } else {
                    put16(out, at, v.length);
                    at += 2;
                }
                System.arraycopy(v, 0, out, at, v.length);
            }
        }
        return pos + ieSize(ie);
    }

    private static List<InformationElement> prepend(List<InformationElement> first, List<InformationElement> rest) {
        List<InformationElement> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    private static DecodeResult fail(DecodeError error, String detail) {
        return new DecodeResult.Failed(error, detail);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    static void put32(byte[] b, int at, long v) {
        put16(b, at, (int) (v >>> 16));
        put16(b, at + 2, (int) v);
    }
}
