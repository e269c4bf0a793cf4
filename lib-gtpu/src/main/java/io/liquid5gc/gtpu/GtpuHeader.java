package io.liquid5gc.gtpu;

import java.util.List;

/**
 * The GTP-U header (TS 29.281 5.1) but the message type, which the message's record gives: the TEID, the optional
 * Sequence Number and N-PDU Number (null when their flag S or PN is 0), and the extension headers (5.2), in order.
 * The 4 optional octets are on the wire when any of E, S, PN is set.
 */
public record GtpuHeader(long teid, Integer sequenceNumber, Integer npduNumber, List<ExtensionHeader> extensionHeaders) {

    /** At most this many extension headers are read from one message (a limit, not a 3GPP figure). */
    public static final int MAX_EXTENSION_HEADERS = 16;

    public GtpuHeader {
        if (teid < 0 || teid > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("TEID out of range: " + teid);
        }
        if (sequenceNumber != null && (sequenceNumber < 0 || sequenceNumber > 0xFFFF)) {
            throw new IllegalArgumentException("sequence number out of range: " + sequenceNumber);
        }
        if (npduNumber != null && (npduNumber < 0 || npduNumber > 0xFF)) {
            throw new IllegalArgumentException("N-PDU number out of range: " + npduNumber);
        }
        extensionHeaders = List.copyOf(extensionHeaders);
        if (extensionHeaders.size() > MAX_EXTENSION_HEADERS) {
            throw new IllegalArgumentException("more than " + MAX_EXTENSION_HEADERS + " extension headers");
        }
    }

    /** A header with only the TEID. */
    public static GtpuHeader of(long teid) {
        return new GtpuHeader(teid, null, null, List.of());
    }

    /** A header with the TEID and extension headers. */
    public static GtpuHeader of(long teid, ExtensionHeader... extensionHeaders) {
        return new GtpuHeader(teid, null, null, List.of(extensionHeaders));
    }

    /** The header of a signalling message (Echo, Error Indication): TEID 0 or as given, S = 1 (TS 29.281 5.1). */
    public static GtpuHeader signalling(long teid, int sequenceNumber) {
        return new GtpuHeader(teid, sequenceNumber, null, List.of());
    }

    /** The first PDU Session Container extension header, or null. */
    public PduSessionContainer pduSessionContainer() {
        for (ExtensionHeader e : extensionHeaders) {
            if (e instanceof PduSessionContainer c) {
                return c;
            }
        }
        return null;
    }

    boolean hasOptionalFields() {
        return sequenceNumber != null || npduNumber != null || !extensionHeaders.isEmpty();
    }
}
