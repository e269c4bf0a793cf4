package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.4.2 UL NG-U UP TNL Modify item. */
public record UlNguUpTnlModifyItem(GtpTunnel uplink, GtpTunnel downlink) {
}
