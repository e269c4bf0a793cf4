package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import java.util.List;

/** TS 38.413 8.14.1 / 9.2.14.1 UE RADIO CAPABILITY INFO INDICATION. */
public record UeRadioCapabilityInfoIndication(long amfUeNgapId, long ranUeNgapId, Octets ueRadioCapability, Octets ueRadioCapabilityForPaging, List<RawIe> rawIes)
        implements InitiatingMessage, UeAssociated {
    public UeRadioCapabilityInfoIndication {
        rawIes = List.copyOf(rawIes);
    }

    @Override
    public ProcedureCode procedureCode() {
        return ProcedureCode.UE_RADIO_CAPABILITY_INFO_INDICATION;
    }
}
