package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.2.4 / 9.2.1.7 PDU SESSION RESOURCE NOTIFY; items carry the Notify Transfer / Notify Released Transfer. */
public record PduSessionResourceNotify(long amfUeNgapId, long ranUeNgapId, List<PduSessionItem> pduSessionsNotify, List<PduSessionItem> pduSessionsReleased, UserLocationInformation userLocationInformation, List<RawIe> rawIes)
        implements InitiatingMessage, UeAssociated {
    public PduSessionResourceNotify {
        pduSessionsNotify = pduSessionsNotify == null ? null : List.copyOf(pduSessionsNotify);
        pduSessionsReleased = pduSessionsReleased == null ? null : List.copyOf(pduSessionsReleased);
        rawIes = List.copyOf(rawIes);
    }

    @Override
    public ProcedureCode procedureCode() {
        return ProcedureCode.PDU_SESSION_RESOURCE_NOTIFY;
    }
}
