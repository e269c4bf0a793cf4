package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.SecurityIndication;

/** TS 38.413 9.3.4.9 Path Switch Request Acknowledge Transfer; both parts optional. */
public record PathSwitchRequestAcknowledgeTransfer(GtpTunnel ulNguUpTnlInformation, SecurityIndication securityIndication)
        implements SmTransfer {
}
