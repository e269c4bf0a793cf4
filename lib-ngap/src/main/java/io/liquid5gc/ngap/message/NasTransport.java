package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/** TS 38.413 8.6 Transport of NAS messages; messages 9.2.5.1 - 9.2.5.5. */
public final class NasTransport {
    private NasTransport() {
    }

    /**
     * 9.2.5.1 INITIAL UE MESSAGE. fiveGSTmsi and allowedNssai may be null; amfSetId is ABSENT or the 10-bit
     * AMF Set ID.
     */
    public record InitialUeMessage(long ranUeNgapId, Octets nasPdu, UserLocationInformation userLocationInformation,
                                   RrcEstablishmentCause rrcEstablishmentCause, FiveGSTmsi fiveGSTmsi,
                                   long amfSetId, boolean ueContextRequested, List<SNssai> allowedNssai,
                                   List<RawIe> rawIes) implements InitiatingMessage, UeAssociated {
        public InitialUeMessage {
            allowedNssai = allowedNssai == null ? null : List.copyOf(allowedNssai);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.INITIAL_UE_MESSAGE;
        }
    }

    /**
     * 9.2.5.2 DOWNLINK NAS TRANSPORT. oldAmf, ueAggregateMaximumBitRate and allowedNssai may be null;
     * ranPagingPriority is ABSENT or 1..256.
     */
    public record DownlinkNasTransport(long amfUeNgapId, long ranUeNgapId, String oldAmf, long ranPagingPriority,
                                       Octets nasPdu, UeAggregateMaximumBitRate ueAggregateMaximumBitRate,
                                       List<SNssai> allowedNssai, List<RawIe> rawIes) implements InitiatingMessage, UeAssociated {
        public DownlinkNasTransport {
            allowedNssai = allowedNssai == null ? null : List.copyOf(allowedNssai);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.DOWNLINK_NAS_TRANSPORT;
        }
    }

    /** 9.2.5.3 UPLINK NAS TRANSPORT. */
    public record UplinkNasTransport(long amfUeNgapId, long ranUeNgapId, Octets nasPdu,
                                     UserLocationInformation userLocationInformation, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public UplinkNasTransport {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UPLINK_NAS_TRANSPORT;
        }
    }

    /** 9.2.5.4 NAS NON DELIVERY INDICATION. */
    public record NasNonDeliveryIndication(long amfUeNgapId, long ranUeNgapId, Octets nasPdu, Cause cause,
                                           List<RawIe> rawIes) implements InitiatingMessage, UeAssociated {
        public NasNonDeliveryIndication {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.NAS_NON_DELIVERY_INDICATION;
        }
    }

    /**
     * 9.2.5.5 REROUTE NAS REQUEST: ngapMessage holds the INITIAL UE MESSAGE encoding to reroute; amfUeNgapId may
     * be ABSENT, allowedNssai null.
     */
    public record RerouteNasRequest(long ranUeNgapId, long amfUeNgapId, Octets ngapMessage, long amfSetId,
                                    List<SNssai> allowedNssai, List<RawIe> rawIes) implements InitiatingMessage, UeAssociated {
        public RerouteNasRequest {
            allowedNssai = allowedNssai == null ? null : List.copyOf(allowedNssai);
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.REROUTE_NAS_REQUEST;
        }
    }
}
