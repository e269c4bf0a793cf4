package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.Codecs.listOf;
import static io.liquid5gc.ngap.codec.Ies.OCTETS;
import static io.liquid5gc.ngap.codec.Ies.S_NSSAI;

import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.SNssai;
import java.util.List;

/**
 * APER codecs of the PDU Session Resource lists (TS 38.413 9.3.1.x): one item codec, parameterised by
 * which of NAS-PDU, S-NSSAI and transfer the list's items carry.
 */
final class PduSessionIes {
    private PduSessionIes() {
    }

    /** Which parts a PDU session resource item has, in order: id, [NAS-PDU OPTIONAL], [S-NSSAI], [transfer]. */
    static ValueCodec<PduSessionItem> pduSessionItem(boolean nas, boolean snssai, boolean transfer) {
        return new ValueCodec<>() {
            @Override
            public PduSessionItem decode(AperReader r) {
                Sequence seq = Sequence.read(r, nas ? 1 : 0);
                boolean hasNas = nas && seq.has(0);
                int id = (int) r.readConstrained(0, 255);
                Octets nasPdu = hasNas ? OCTETS.decode(r) : null;
                SNssai s = snssai ? S_NSSAI.decode(r) : null;
                Octets t = transfer ? OCTETS.decode(r) : null;
                return new PduSessionItem(id, nasPdu, s, t, seq.end(r));
            }

            @Override
            public void encode(AperWriter w, PduSessionItem v) {
                if (nas) {
                    Sequence.write(w, v.extensions(), v.nasPdu() != null);
                } else {
                    Sequence.write(w, v.extensions());
                }
                w.writeConstrained(v.pduSessionId(), 0, 255);
                if (nas && v.nasPdu() != null) {
                    OCTETS.encode(w, v.nasPdu());
                }
                if (snssai) {
                    S_NSSAI.encode(w, require(v.snssai(), "S-NSSAI"));
                }
                if (transfer) {
                    OCTETS.encode(w, require(v.transfer(), "transfer"));
                }
                Sequence.writeEnd(w, v.extensions());
            }
        };
    }

    static <T> T require(T v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " missing");
        }
        return v;
    }

    /** SEQUENCE (SIZE(1..maxnoofPDUSessions = 256)) OF item. */
    static ValueCodec<List<PduSessionItem>> pduSessionList(boolean nas, boolean snssai, boolean transfer) {
        return listOf(1, 256, pduSessionItem(nas, snssai, transfer), 10);
    }

    /** Items of id, NAS-PDU OPTIONAL, S-NSSAI, transfer (SetupItemSUReq, SetupItemCxtReq). */
    static final ValueCodec<List<PduSessionItem>> PDU_SETUP_REQUEST_LIST = pduSessionList(true, true, true);
    /** Items of id, S-NSSAI, transfer (SetupItemHOReq). */
    static final ValueCodec<List<PduSessionItem>> PDU_HO_REQUEST_LIST = pduSessionList(false, true, true);
    /** Items of id, NAS-PDU OPTIONAL, transfer (ModifyItemModReq). */
    static final ValueCodec<List<PduSessionItem>> PDU_MODIFY_REQUEST_LIST = pduSessionList(true, false, true);
    /** Items of id and transfer (most lists). */
    static final ValueCodec<List<PduSessionItem>> PDU_TRANSFER_LIST = pduSessionList(false, false, true);
    /** Items of id only (ItemCxtRelReq, ItemCxtRelCpl). */
    static final ValueCodec<List<PduSessionItem>> PDU_ID_LIST = pduSessionList(false, false, false);
}
