package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.SecurityIndication;
import io.liquid5gc.ngap.ie.SecurityResult;
import java.util.List;

/**
 * TS 38.413 9.3.4.8 Path Switch Request Transfer; user plane security information (result and indication)
 * is either both null or both present.
 */
public record PathSwitchRequestTransfer(GtpTunnel dlNguUpTnlInformation, boolean dlNguTnlInformationReused,
                                        SecurityResult userPlaneSecurityResult,
                                        SecurityIndication userPlaneSecurityIndication,
                                        List<Integer> qosFlowsAccepted) implements SmTransfer {
    public PathSwitchRequestTransfer {
        if ((userPlaneSecurityResult == null) != (userPlaneSecurityIndication == null)) {
            throw new IllegalArgumentException("user plane security information needs result and indication");
        }
        qosFlowsAccepted = List.copyOf(qosFlowsAccepted);
    }
}
