package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.OverloadResponse;
import io.liquid5gc.ngap.ie.RawIe;
import java.util.List;

/**
 * TS 38.413 8.7.6 Overload Start and 8.7.7 Overload Stop: the AMF tells an NG-RAN node it is overloaded, and what to
 * reduce (TS 23.501 5.19.5.2), then that it is not any more. Class 2 procedures: no answer.
 */
public final class Overload {
    private Overload() {
    }

    /**
     * 9.2.6.17 OVERLOAD START. {@code amfOverloadResponse} may be null; {@code trafficLoadReductionIndication} is the
     * percentage (1..99) of signalling to reject, or {@link NgapMessage#ABSENT}. The Overload Start NSSAI List (per-slice
     * overload) is not modelled: when present it is kept among the raw IEs and re-encoded.
     */
    public record Start(OverloadResponse amfOverloadResponse, long trafficLoadReductionIndication, List<RawIe> rawIes)
            implements InitiatingMessage {
        public Start {
            if (trafficLoadReductionIndication != NgapMessage.ABSENT
                    && (trafficLoadReductionIndication < 1 || trafficLoadReductionIndication > 99)) {
                throw new IllegalArgumentException("Traffic Load Reduction Indication is 1..99 %, not " + trafficLoadReductionIndication);
            }
            rawIes = List.copyOf(rawIes);
        }

        public static Start of(OverloadResponse response, long trafficLoadReductionIndication) {
            return new Start(response, trafficLoadReductionIndication, List.of());
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.OVERLOAD_START;
        }
    }

    /** 9.2.6.18 OVERLOAD STOP (no IEs of its own). */
    public record Stop(List<RawIe> rawIes) implements InitiatingMessage {
        public Stop {
            rawIes = List.copyOf(rawIes);
        }

        public static Stop of() {
            return new Stop(List.of());
        }

        @Override
        public ProcedureCode procedureCode() {
            return ProcedureCode.OVERLOAD_STOP;
        }
    }
}
