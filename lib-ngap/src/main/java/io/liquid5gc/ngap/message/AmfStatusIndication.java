package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.UnavailableGuamiItem;
import java.util.List;

/**
 * TS 38.413 8.7.3 AMF Status Indication, message 9.2.6.4: the AMF tells the NG-RAN nodes that GUAMIs it served are
 * unavailable (a planned shutdown), so that they select another AMF for those UEs (TS 23.501 5.21.2.2). Class 2.
 */
public record AmfStatusIndication(List<UnavailableGuamiItem> unavailableGuamis, List<RawIe> rawIes) implements InitiatingMessage {
    public AmfStatusIndication {
        unavailableGuamis = List.copyOf(unavailableGuamis);
        rawIes = List.copyOf(rawIes);
    }

    public static AmfStatusIndication of(List<UnavailableGuamiItem> unavailableGuamis) {
        return new AmfStatusIndication(unavailableGuamis, List.of());
    }

    @Override
    public ProcedureCode procedureCode() {
        return ProcedureCode.AMF_STATUS_INDICATION;
    }
}
