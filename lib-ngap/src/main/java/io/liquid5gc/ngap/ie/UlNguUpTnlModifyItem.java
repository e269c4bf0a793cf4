package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.4.2 UL NG-U UP TNL Modify item; {@code extensions} are its iE-Extensions kept raw (e.g. the
 * redundant tunnels), empty when none.
 */
public record UlNguUpTnlModifyItem(GtpTunnel uplink, GtpTunnel downlink, List<RawExtension> extensions) {
    public UlNguUpTnlModifyItem {
        extensions = RawExtension.immutable(extensions);
    }

    public UlNguUpTnlModifyItem(GtpTunnel uplink, GtpTunnel downlink) {
        this(uplink, downlink, List.of());
    }
}
