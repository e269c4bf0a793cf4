package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * One item of the PDU Session Resource lists (TS 38.413 9.3.1.x): the PDU session ID plus, depending on the
 * list, an optional NAS-PDU, an S-NSSAI and the transfer container (an OCTET STRING CONTAINING one of the SM
 * transfers of 9.3.4, decoded with {@code io.liquid5gc.ngap.codec.SmTransferCodec}). Absent parts are null;
 * {@code extensions} are the item's iE-Extensions kept raw (e.g. id-PduSessionExpectedUEActivityBehaviour),
 * empty when none.
 */
public record PduSessionItem(int pduSessionId, Octets nasPdu, SNssai snssai, Octets transfer,
                             List<RawExtension> extensions) {

    public PduSessionItem {
        if ((pduSessionId & ~0xFF) != 0) {
            throw new IllegalArgumentException("PDU session ID is 0..255");
        }
        extensions = RawExtension.immutable(extensions);
    }

    public PduSessionItem(int pduSessionId, Octets nasPdu, SNssai snssai, Octets transfer) {
        this(pduSessionId, nasPdu, snssai, transfer, List.of());
    }

    /** An item with only the ID (e.g. PDU Session Resource List Cxt Rel Req/Cpl). */
    public static PduSessionItem id(int pduSessionId) {
        return new PduSessionItem(pduSessionId, null, null, null);
    }

    /** An item with ID and transfer (most response/command lists). */
    public static PduSessionItem withTransfer(int pduSessionId, Octets transfer) {
        return new PduSessionItem(pduSessionId, null, null, transfer);
    }
}
