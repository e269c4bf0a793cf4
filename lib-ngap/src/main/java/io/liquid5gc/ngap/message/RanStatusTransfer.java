package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import java.util.List;

/** TS 38.413 8.4.6 / 8.4.7 Uplink and Downlink RAN Status Transfer; messages 9.2.3.13, 9.2.3.14. The RAN Status Transfer Transparent Container (9.3.1.x) is kept as its APER encoding. */
public final class RanStatusTransfer {
    private RanStatusTransfer() {
    }

    /** 9.2.3.13 UPLINK RAN STATUS TRANSFER. */
    public record Uplink(long amfUeNgapId, long ranUeNgapId, Octets transparentContainer, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Uplink {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.UPLINK_RAN_STATUS_TRANSFER;
        }
    }

    /** 9.2.3.14 DOWNLINK RAN STATUS TRANSFER. */
    public record Downlink(long amfUeNgapId, long ranUeNgapId, Octets transparentContainer, List<RawIe> rawIes)
            implements InitiatingMessage, UeAssociated {
        public Downlink {
            rawIes = List.copyOf(rawIes);
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.DOWNLINK_RAN_STATUS_TRANSFER;
        }
    }
}
