package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.ie.GtpTunnel;

/** TS 38.413 9.3.1.x Data Forwarding Response DRB item: DRB ID (1..32) and optional DL/UL forwarding tunnels. */
public record DataForwardingDrb(int drbId, GtpTunnel dlForwarding, GtpTunnel ulForwarding) {
}
