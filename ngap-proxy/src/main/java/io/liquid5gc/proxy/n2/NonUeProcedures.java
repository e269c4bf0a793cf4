package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.ResetType;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.NgReset;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.RanConfigurationUpdate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other non-UE-associated procedures a gNB starts (TS 38.413 8.7): RAN Configuration Update (8.7.2),
 * NG Reset (8.7.4), Error Indication (8.7.5).
 */
public final class NonUeProcedures {

    private static final Logger log = LoggerFactory.getLogger(NonUeProcedures.class);

    private final NgSetupProcedure ngSetup;

    NonUeProcedures(NgSetupProcedure ngSetup) {
        this.ngSetup = ngSetup;
    }

    /** RAN Configuration Update (8.7.2): the new TAs must still be acceptable, as at NG Setup. */
    NgapMessage handleRanConfigurationUpdate(RanNode node, RanConfigurationUpdate.Request request, CriticalityDiagnostics diagnostics) {
        if (request.supportedTaList() != null) {
            var refusal = ngSetup.check(request.supportedTaList());
            if (refusal != null) {
                log.warn("RAN Configuration Update from {} refused ({})", node, refusal);
                return new RanConfigurationUpdate.Failure(refusal, null, diagnostics, List.of());
            }
        }
        node.update(request.ranNodeName(), request.supportedTaList());
        log.info("RAN Configuration Update: {}", node);
        return new RanConfigurationUpdate.Acknowledge(diagnostics, List.of());
    }

    /**
     * NG Reset (8.7.4.2.2): the UE-associated logical connections named (or all) are released on this side and
     * acknowledged with the same list.
     */
    NgapMessage handleNgReset(RanNode node, NgReset.Request request, UeContextReleaser releaser) {
        List<io.liquid5gc.ngap.ie.UeAssociatedConnection> acknowledged = null;
        switch (request.resetType()) {
            case ResetType.NgInterface all -> {
                int n = releaser.releaseAll(node);
                log.info("NG Reset of the whole interface from {} ({}): {} UE contexts released", node, request.cause(), n);
            }
            case ResetType.PartOfNgInterface part -> {
                for (var c : part.connections()) {
                    releaser.release(node, c.amfUeNgapId(), c.ranUeNgapId());
                }
                acknowledged = part.connections();
                log.info("NG Reset of {} UE connections from {} ({})", part.connections().size(), node, request.cause());
            }
            case ResetType.Extension ext -> log.info("NG Reset with an unknown reset type from {}", node);
        }
        return new NgReset.Acknowledge(acknowledged, null, List.of());
    }

    /** Error Indication (8.7.5) from the gNB: nothing to answer; logged for the operator. */
    void handleErrorIndication(RanNode node, ErrorIndication indication) {
        log.warn("Error Indication from {}: cause {}, diagnostics {}, UE ids {}/{}", node, indication.cause(),
                indication.criticalityDiagnostics(), indication.amfUeNgapId(), indication.ranUeNgapId());
    }

    static ErrorIndication buildErrorIndication(io.liquid5gc.ngap.ie.Cause cause, CriticalityDiagnostics diagnostics,
                                                long amfUeNgapId, long ranUeNgapId) {
        // TS 38.413 9.2.7.1: both UE ids, or none
        boolean ids = amfUeNgapId != NgapMessage.ABSENT && ranUeNgapId != NgapMessage.ABSENT;
        return new ErrorIndication(ids ? amfUeNgapId : NgapMessage.ABSENT, ids ? ranUeNgapId : NgapMessage.ABSENT,
                cause, diagnostics, null, List.of());
    }

    /**
     * A UE the proxy does not admit at its Initial UE Message (over the rate limit, or the store does not answer): no
     * AMF UE NGAP ID was ever allocated, so the RAN UE NGAP ID alone (TS 38.413 8.7.4.2: the UE's ids if available),
     * cause misc control-processing-overload (9.3.1.2); the gNB releases the RRC connection and the UE tries again
     * (TS 24.501 5.5.1.2.7 b). The one builder for both cases.
     */
    public static ErrorIndication buildErrorIndicationUeNotAdmitted(long ranUeNgapId) {
        return new ErrorIndication(NgapMessage.ABSENT, ranUeNgapId, CauseMisc.CONTROL_PROCESSING_OVERLOAD, null, null, List.of());
    }

    static ErrorIndication notCompatibleWithState() {
        return buildErrorIndication(CauseProtocol.MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE, null, NgapMessage.ABSENT, NgapMessage.ABSENT);
    }

    /** What releases UE contexts on NG Reset or association loss (the UE part of the proxy). */
    interface UeContextReleaser {
        int releaseAll(RanNode node);

        void release(RanNode node, long amfUeNgapId, long ranUeNgapId);

        UeContextReleaser NONE = new UeContextReleaser() {
            @Override
            public int releaseAll(RanNode node) {
                return 0;
            }

            @Override
            public void release(RanNode node, long amfUeNgapId, long ranUeNgapId) {
            }
        };
    }
}
