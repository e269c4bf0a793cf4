package io.liquid5gc.gtpu;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A GTP-U message (TS 29.281 7): its header and body. {@code others} keeps the IEs a message carried beyond the
 * ones its record names (Private Extension, repeated or unexpected IEs), in order, so they are re-encoded.
 */
public sealed interface GtpuMessage {

    GtpuHeader header();

    /** The Message Type octet. */
    int messageType();

    /** TS 29.281 7.2.1: Echo Request (a path check; S = 1, TEID 0). */
    record EchoRequest(GtpuHeader header, List<InformationElement> others) implements GtpuMessage {
        public EchoRequest {
            others = List.copyOf(others);
        }

        public static EchoRequest of(int sequenceNumber) {
            return new EchoRequest(GtpuHeader.signalling(0, sequenceNumber), List.of());
        }

        @Override
        public int messageType() {
            return MessageType.ECHO_REQUEST.code();
        }
    }

    /** TS 29.281 7.2.2: Echo Response with the mandatory Recovery IE (restart counter 0, 8.2), same sequence number. */
    record EchoResponse(GtpuHeader header, int restartCounter, List<InformationElement> others) implements GtpuMessage {
        public EchoResponse {
            new InformationElement.Recovery(restartCounter);
            others = List.copyOf(others);
        }

        /** The answer to a request: its sequence number, restart counter 0. */
        public static EchoResponse answering(EchoRequest request) {
            Integer seq = request.header().sequenceNumber();
            return new EchoResponse(GtpuHeader.signalling(0, seq == null ? 0 : seq), 0, List.of());
        }

        @Override
        public int messageType() {
            return MessageType.ECHO_RESPONSE.code();
        }
    }

    /**
     * TS 29.281 7.3.1: Error Indication: a G-PDU arrived for a TEID without a context; names that TEID and the
     * address it was sent to (TEID 0 in the header, S = 1; may carry the UDP Port extension header).
     */
    record ErrorIndication(GtpuHeader header, long teidDataI, InetAddress peerAddress, List<InformationElement> others) implements GtpuMessage {
        public ErrorIndication {
            new InformationElement.TeidDataI(teidDataI);
            if (peerAddress == null) {
                throw new IllegalArgumentException("GTP-U Peer Address is mandatory");
            }
            others = List.copyOf(others);
        }

        @Override
        public int messageType() {
            return MessageType.ERROR_INDICATION.code();
        }
    }

    /** TS 29.281 7.3.2: End Marker: the last packet on the old path of a tunnel (the tunnel's TEID). */
    record EndMarker(GtpuHeader header, List<InformationElement> others) implements GtpuMessage {
        public EndMarker {
            others = List.copyOf(others);
        }

        public static EndMarker of(long teid) {
            return new EndMarker(GtpuHeader.of(teid), List.of());
        }

        @Override
        public int messageType() {
            return MessageType.END_MARKER.code();
        }
    }

    /** TS 29.281 6.1: a G-PDU: a T-PDU (the user's IP packet) in the tunnel of the header's TEID. */
    record GPdu(GtpuHeader header, byte[] tpdu) implements GtpuMessage {
        public GPdu {
            tpdu = tpdu.clone();
        }

        /** The T-PDU; the array is this record's own, not to be changed (the hot path copies nothing more). */
        @Override
        public byte[] tpdu() {
            return tpdu;
        }

        @Override
        public int messageType() {
            return MessageType.G_PDU.code();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GPdu g && g.header.equals(header) && Arrays.equals(g.tpdu, tpdu);
        }

        @Override
        public int hashCode() {
            return header.hashCode() * 31 + Arrays.hashCode(tpdu);
        }

        @Override
        public String toString() {
            return "GPdu[" + header + ", tpdu=" + tpdu.length + " octets]";
        }
    }

    /** Any other message type (Supported Extension Headers Notification, GTP-C types on the U port, ...): kept as it came. */
    record Other(int messageType, GtpuHeader header, byte[] body) implements GtpuMessage {
        public Other {
            if (messageType < 0 || messageType > 0xFF) {
                throw new IllegalArgumentException("message type out of range: " + messageType);
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && x.messageType == messageType && x.header.equals(header) && Arrays.equals(x.body, body);
        }

        @Override
        public int hashCode() {
            return (messageType * 31 + header.hashCode()) * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Other[type=" + messageType + ", " + header + ", body=" + HexFormat.of().formatHex(body) + "]";
        }
    }
}
