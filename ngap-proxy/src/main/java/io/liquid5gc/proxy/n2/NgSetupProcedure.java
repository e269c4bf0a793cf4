package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NG Setup (TS 38.413 8.7.1), AMF side: the gNB must broadcast at least one served PLMN in a served TAC with at
 * least one served slice; then NG SETUP RESPONSE with the AMF name, served GUAMIs, capacity and PLMN support
 * list, otherwise NG SETUP FAILURE with the cause and Time to Wait (8.7.1.3). A gNB whose Global RAN Node ID is
 * not on the configured allow-list is refused first, with cause misc om-intervention (TS 38.413 9.3.1.2: the
 * operator's configuration, not the PLMN, decides).
 */
final class NgSetupProcedure {

    private static final Logger log = LoggerFactory.getLogger(NgSetupProcedure.class);

    private final ServedConfiguration served;
    private final N2AllowList allowList;

    /** The GUAMIs this AMF serves, as its NG SETUP RESPONSE lists them. */
    List<io.liquid5gc.ngap.ie.ServedGuamiItem> servedGuamis() {
        return served.servedGuamis();
    }

    NgSetupProcedure(ServedConfiguration served, N2AllowList allowList) {
        this.served = served;
        this.allowList = allowList;
    }

    NgapMessage handleNgSetupRequest(RanNode node, NgSetup.Request request, CriticalityDiagnostics diagnostics) {
        if (!allowList.allowsRanNode(request.globalRanNodeId())) {
            log.warn("NG Setup from {} {} ({}) refused: not in liquid5gc.proxy.limits.allowed-gnbs", request.ranNodeName(),
                    request.globalRanNodeId(), node.association().remoteAddress());
            return buildNgSetupFailure(CauseMisc.OM_INTERVENTION, diagnostics);
        }
        Cause refusal = check(request.supportedTaList());
        if (refusal != null) {
            log.warn("NG Setup from {} refused ({}): it announces {}; this AMF serves {}", request.ranNodeName(), refusal,
                    request.supportedTaList(), served.describe());
            return buildNgSetupFailure(refusal, diagnostics);
        }
        node.setUp(request.globalRanNodeId(), request.ranNodeName(), request.supportedTaList());
        log.info("NG Setup: {}", node);
        return buildNgSetupResponse(diagnostics);
    }

    /** Null when acceptable, else the failure cause (TS 38.413 8.7.1.3). */
    Cause check(List<SupportedTaItem> tas) {
        boolean plmnServed = false;
        boolean tacServed = false;
        for (SupportedTaItem ta : tas) {
            for (BroadcastPlmnItem b : ta.broadcastPlmns()) {
                List<SNssai> servedSlices = served.slicesOf(b.plmn());
                if (servedSlices == null) {
                    continue;
                }
                plmnServed = true;
                if (!served.tacs().contains(ta.tac())) {
                    continue;
                }
                tacServed = true;
                if (servedSlices.isEmpty() || b.sliceSupport().stream().anyMatch(servedSlices::contains)) {
                    return null;
                }
            }
        }
        if (!plmnServed) {
            return CauseMisc.UNKNOWN_PLMN_OR_SNPN;
        }
        return tacServed ? CauseRadioNetwork.SLICE_NOT_SUPPORTED : CauseMisc.UNSPECIFIED;
    }

    NgSetup.Response buildNgSetupResponse(CriticalityDiagnostics diagnostics) {
        return new NgSetup.Response(served.amfName(), served.servedGuamis(), served.relativeAmfCapacity(),
                served.plmnSupport(), diagnostics, List.of());
    }

    NgSetup.Failure buildNgSetupFailure(Cause cause, CriticalityDiagnostics diagnostics) {
        return new NgSetup.Failure(cause, served.timeToWait(), diagnostics, List.of());
    }
}
