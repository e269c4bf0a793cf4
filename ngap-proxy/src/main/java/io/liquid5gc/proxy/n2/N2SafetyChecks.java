package io.liquid5gc.proxy.n2;

import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.runtime.safety.UnsafeSetting;
import io.liquid5gc.runtime.safety.UnsafeSettingCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The N2 side's entries in the start-up WARN block of unsafe settings (function-runtime's {@code StartupSafety};
 * {@code liquid5gc.profile=production} refuses them unless listed in {@code liquid5gc.safety.accepted}):
 * {@code n2-binds-on-all-interfaces} (an N2 listener on 0.0.0.0 or ::) and {@code n2-any-gnb} (no allow-list).
 */
public final class N2SafetyChecks implements UnsafeSettingCheck {

    private final ProxyProperties properties;

    public N2SafetyChecks(ProxyProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<UnsafeSetting> unsafeSettings() {
        List<UnsafeSetting> out = new ArrayList<>();
        ProxyProperties.Sctp sctp = properties.sctp();
        List<String> wildcard = new ArrayList<>();
        if (sctp.udp() && isWildcard(sctp.udpBindAddress())) {
            wildcard.add("SCTP over UDP on " + sctp.udpBindAddress() + ":" + sctp.udpPort()
                    + " (liquid5gc.proxy.sctp.udp-bind-address)");
        }
        boolean kernel = sctp.kernel() == io.liquid5gc.proxy.ProxyProperties.Sctp.KernelSctp.ON
                || sctp.kernel() == io.liquid5gc.proxy.ProxyProperties.Sctp.KernelSctp.AUTO && io.liquid5gc.sctp.kernel.KernelSctpEndpoint.isSupported();
        if (kernel && isWildcard(sctp.kernelBindAddress())) {
            wildcard.add("kernel SCTP on " + sctp.kernelBindAddress() + ":" + sctp.sctpPort()
                    + " (liquid5gc.proxy.sctp.kernel-bind-address)");
        }
        if (!wildcard.isEmpty()) {
            out.add(new UnsafeSetting("n2-binds-on-all-interfaces",
                    "N2 listens on every interface: " + String.join(", ", wildcard),
                    "set liquid5gc.proxy.sctp.udp-bind-address (and kernel-bind-address) to the N2 interface the gNBs reach"));
        }
        N2AllowList allow = N2AllowList.of(properties.limits());
        if (allow.anyRanNode() && allow.anySource()) {
            out.add(new UnsafeSetting("n2-any-gnb",
                    "N2 takes any gNB: no Global RAN Node ID or source address allow-list",
                    "list the gNBs in liquid5gc.proxy.limits.allowed-gnbs (MCC-MNC-gnb-HEXID) and/or their addresses in "
                            + "liquid5gc.proxy.limits.allowed-sources (CIDR blocks)"));
        }
        return out;
    }

    private static boolean isWildcard(String address) {
        try {
            return InetAddress.getByName(address).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false; // the start fails on it anyway, with the bind error
        }
    }
}
