package io.liquid5gc.pfcp;


/**
 * Encodes and decodes PFCP messages (TS 29.244 7). Decoding never throws: a datagram that is not a readable message
 * gives a {@link DecodeResult.Failed} saying what and which IE, with the header's sequence number when it could be
 * read so that a request can still be answered with the right cause (TS 29.244 7.6).
 */
public final class PfcpCodec {

    /** The PFCP UDP port (TS 29.244 4.2.2). */
    public static final int PORT = 8805;
    /** PFCP version 1 (TS 29.244 7.2.2.1). */
    public static final int VERSION = 1;

    private PfcpCodec() {
    }

    public static DecodeResult decode(byte[] datagram) {
        return decode(datagram, 0, datagram.length);
    }

    /**
     * Decodes the message in {@code buf[offset, offset + length)}. Octets after its Length field's end (a following
     * message with FO set, TS 29.244 7.2.2.1) are not read.
     */
    public static DecodeResult decode(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " of " + buf.length);
        }
        if (length < 4) {
            return new DecodeResult.Failed(DecodeError.TRUNCATED, length + " octets, a PFCP header is at least 8", 0, -1, -1, 0);
        }
        int flags = buf[offset] & 0xFF;
        int type = buf[offset + 1] & 0xFF;
        int declared = (buf[offset + 2] & 0xFF) << 8 | buf[offset + 3] & 0xFF;
        boolean s = (flags & 0x01) != 0;
        boolean mp = (flags & 0x02) != 0;
        int fixed = s ? 12 : 4;
        if (declared < fixed || 4 + declared > length) {
            return new DecodeResult.Failed(DecodeError.TRUNCATED, "Message Length " + declared + " with " + (length - 4)
                    + " octets after it (the header needs " + fixed + ")", 0, type, -1, 0);
        }
        Octets in = new Octets(buf, offset + 4, offset + 4 + declared, 0);
        long seid = s ? in.uN(8) : 0;
        int seq = in.u24();
        int priorityOctet = in.u8();
        if (flags >> 5 != VERSION) {
            return new DecodeResult.Failed(DecodeError.UNSUPPORTED_VERSION, "version " + (flags >> 5), 0, type, seq, seid);
        }
        if (s != MessageType.isSessionMessage(type)) {
            return new DecodeResult.Failed(DecodeError.BAD_HEADER, "message type " + type + (s ? " with" : " without")
                    + " a SEID (S flag)", 0, type, seq, seid);
        }
        PfcpHeader header = new PfcpHeader(seid, seq, mp ? priorityOctet >> 4 : null);
        try {
            Children c = new Children(IeCodec.readAll(in, 0), 0);
            return new DecodeResult.Decoded(read(type, header, c));
        } catch (Octets.Malformed e) {
            return new DecodeResult.Failed(e.error, e.getMessage(), e.ieType, type, seq, seid);
        }
    }

    private static PfcpMessage read(int type, PfcpHeader h, Children c) {
        MessageType t = MessageType.of(type);
        if (t == null) {
            return new PfcpMessage.Other(h, type, c.rest());
        }
        return switch (t) {
            case HEARTBEAT_REQUEST -> NodeMessage.HeartbeatRequest.read(h, c);
            case HEARTBEAT_RESPONSE -> NodeMessage.HeartbeatResponse.read(h, c);
            case ASSOCIATION_SETUP_REQUEST -> NodeMessage.AssociationSetupRequest.read(h, c);
            case ASSOCIATION_SETUP_RESPONSE -> NodeMessage.AssociationSetupResponse.read(h, c);
            case ASSOCIATION_UPDATE_REQUEST -> NodeMessage.AssociationUpdateRequest.read(h, c);
            case ASSOCIATION_UPDATE_RESPONSE -> NodeMessage.AssociationUpdateResponse.read(h, c);
            case ASSOCIATION_RELEASE_REQUEST -> NodeMessage.AssociationReleaseRequest.read(h, c);
            case ASSOCIATION_RELEASE_RESPONSE -> NodeMessage.AssociationReleaseResponse.read(h, c);
            case VERSION_NOT_SUPPORTED_RESPONSE -> NodeMessage.VersionNotSupportedResponse.read(h, c);
            case SESSION_ESTABLISHMENT_REQUEST -> SessionMessage.SessionEstablishmentRequest.read(h, c);
            case SESSION_ESTABLISHMENT_RESPONSE -> SessionMessage.SessionEstablishmentResponse.read(h, c);
            case SESSION_MODIFICATION_REQUEST -> SessionMessage.SessionModificationRequest.read(h, c);
            case SESSION_MODIFICATION_RESPONSE -> SessionMessage.SessionModificationResponse.read(h, c);
            case SESSION_DELETION_REQUEST -> SessionMessage.SessionDeletionRequest.read(h, c);
            case SESSION_DELETION_RESPONSE -> SessionMessage.SessionDeletionResponse.read(h, c);
            case SESSION_REPORT_REQUEST -> SessionMessage.SessionReportRequest.read(h, c);
            case SESSION_REPORT_RESPONSE -> SessionMessage.SessionReportResponse.read(h, c);
        };
    }

    /** The octets of {@code m}: version 1, FO 0, MP when it has a priority, S for session messages. */
    public static byte[] encode(PfcpMessage m) {
        int type = m.typeCode();
        boolean s = MessageType.isSessionMessage(type);
        PfcpHeader h = m.header();
        if (!s && h.seid() != 0) {
            throw new IllegalArgumentException("a node message has no SEID: " + m);
        }
        Sink out = new Sink();
        out.u8(VERSION << 5 | (h.messagePriority() != null ? 0x02 : 0) | (s ? 0x01 : 0)).u8(type).u16(0);
        if (s) {
            out.uN(h.seid(), 8);
        }
        out.u24(h.sequenceNumber()).u8(h.messagePriority() != null ? h.messagePriority() << 4 : 0);
        IeCodec.writeAll(out, m.ies());
        int length = out.length() - 4;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("message of " + length + " octets after the Length field (at most 65535)");
        }
        out.patch16(2, length);
        return out.toByteArray();
    }

}
