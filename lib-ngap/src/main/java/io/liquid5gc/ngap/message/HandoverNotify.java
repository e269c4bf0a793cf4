package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.4.3 / 9.2.3.11 HANDOVER NOTIFY. */
public record HandoverNotify(long amfUeNgapId, long ranUeNgapId, UserLocationInformation userLocationInformation, List<RawIe> rawIes)
        implements InitiatingMessage, UeAssociated {
    public HandoverNotify {
        rawIes = List.copyOf(rawIes);
    }

    @Override
    public ProcedureCode procedureCode() {
        return ProcedureCode.HANDOVER_NOTIFICATION;
    }
}
