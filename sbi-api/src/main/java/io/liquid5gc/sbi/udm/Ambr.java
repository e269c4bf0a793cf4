package io.liquid5gc.sbi.udm;

/** Ambr (TS 29.571 5.5.4.2): uplink and downlink BitRate strings such as {@code "1 Gbps"} or {@code "100 Mbps"}. */
public record Ambr(String uplink, String downlink) {
}
