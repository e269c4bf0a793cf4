package io.liquid5gc.smf;

import java.time.Duration;
import io.liquid5gc.sbi.common.Snssai;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * SMF settings ({@code liquid5gc.smf.*}).
 *
 * <pre>
 * liquid5gc.smf.pools.internet=10.45.0.0/16     # UE IPv4 pool per DNN (CIDR, prefix /8../29)
 * liquid5gc.smf.pools.ims=10.46.0.0/24
 * liquid5gc.smf.upf.node-id=upf-1                # one UPF serving every DNN and slice (when no upfs[i] is given)
 * liquid5gc.smf.upf.n3-address=127.0.0.8        # UL NG-U tunnel endpoint sent to the gNB
 * liquid5gc.smf.upf.n4-address=127.0.0.8        # its PFCP address
 * liquid5gc.smf.upf.teid-min=1
 * liquid5gc.smf.upf.teid-max=4294967295
 * liquid5gc.smf.upfs[0].node-id=upf-a           # or several UPFs, each with the keys above and
 * liquid5gc.smf.upfs[0].dnns=internet,ims       #   the DNNs it serves (none: every DNN)
 * liquid5gc.smf.upfs[0].slices=1-010203,2       #   the S-NSSAIs it serves, sst or sst-sd (none: every slice)
 * liquid5gc.smf.n4-address=127.0.0.1            # the SMF's own N4 address (CP F-SEID; PFCP binds it, port 8805)
 * liquid5gc.smf.n4.enabled=false                # true: PFCP to the UPF (association, heartbeats, sessions)
 * liquid5gc.smf.n4.t1=3s                        # PFCP retransmission timer T1 (TS 29.244 6.4)
 * liquid5gc.smf.n4.n1=3                         # retransmissions N1
 * liquid5gc.smf.n4.heartbeat-interval=10s       # Heartbeat Request period once associated
 * liquid5gc.smf.n4.port=8805                    # the PFCP port, the SMF's and the UPF's
 * liquid5gc.smf.n4.forwarding-timer=2s          # indirect forwarding rules kept after an N2 handover completed
 * liquid5gc.smf.charging.rating-group=1         # when the CHF is on
 * liquid5gc.smf.charging.requested-volume=10000000
 * liquid5gc.smf.pcf-fqdn=pcf.liquid5gc.local    # the PCF named in BSF bindings
 * liquid5gc.smf.back-off-timer=60               # seconds, in slice-quota rejects (#69)
 * </pre>
 * In each pool the network address, the first host (the UPF's N6 gateway) and the broadcast address are never given out.
 */
@ConfigurationProperties("liquid5gc.smf")
public record SmfProperties(Map<String, String> pools, Upf upf, String n4Address, Charging charging, String pcfFqdn,
                            Integer backOffTimer, N4 n4, List<Upf> upfs) {

    /** Without {@code upfs}: the one UPF of {@code liquid5gc.smf.upf.*}, serving every DNN and slice. */
    public SmfProperties(Map<String, String> pools, Upf upf, String n4Address, Charging charging, String pcfFqdn, Integer backOffTimer, N4 n4) {
        this(pools, upf, n4Address, charging, pcfFqdn, backOffTimer, n4, null);
    }

    @ConstructorBinding
    public SmfProperties {
        pools = pools == null || pools.isEmpty() ? Map.of("internet", "10.45.0.0/16") : Map.copyOf(new LinkedHashMap<>(pools));
        pools.forEach((dnn, cidr) -> {
            if (dnn.isBlank()) {
                throw new IllegalArgumentException("liquid5gc.smf.pools: empty DNN");
            }
            Ipv4Pool.parse(dnn, cidr); // validates
        });
        if (upfs != null && !upfs.isEmpty() && upf != null) {
            throw new IllegalArgumentException("liquid5gc.smf: give either liquid5gc.smf.upf.* (one UPF) or liquid5gc.smf.upfs[i].*, not both");
        }
        upf = upf == null ? new Upf(null, null, null, null, null) : upf;
        upfs = upfs == null || upfs.isEmpty() ? List.of(upf) : List.copyOf(upfs);
        Set<String> ids = new HashSet<>();
        for (Upf u : upfs) {
            if (!ids.add(u.nodeId())) {
                throw new IllegalArgumentException("liquid5gc.smf.upfs: node-id " + u.nodeId() + " given twice");
            }
            for (String dnn : u.dnns()) {
                if (!pools.containsKey(dnn)) {
                    throw new IllegalArgumentException("liquid5gc.smf.upfs: UPF " + u.nodeId() + " serves DNN " + dnn
                            + ", which has no liquid5gc.smf.pools." + dnn);
                }
            }
        }
        n4Address = n4Address == null ? "127.0.0.1" : n4Address;
        Ipv4Pool.toInt(n4Address);
        charging = charging == null ? new Charging(null, null) : charging;
        pcfFqdn = pcfFqdn == null ? "pcf.liquid5gc.local" : pcfFqdn;
        backOffTimer = backOffTimer == null ? 60 : backOffTimer;
        if (backOffTimer < 0) {
            throw new IllegalArgumentException("liquid5gc.smf.back-off-timer must be >= 0");
        }
        n4 = n4 == null ? new N4(null, null, null, null, null, null) : n4;
    }

    /**
     * PFCP towards the UPF (TS 29.244). Off by default (the one-command all-in-one has no UPF): the SMF then builds and
     * stores the N4 sessions without sending them, and says so at start.
     */
    public record N4(Boolean enabled, Duration t1, Integer n1, Duration heartbeatInterval, Integer port, Duration forwardingTimer) {

        public N4(Boolean enabled, Duration t1, Integer n1, Duration heartbeatInterval, Integer port) {
            this(enabled, t1, n1, heartbeatInterval, port, null);
        }

        @ConstructorBinding
        public N4 {
            enabled = enabled != null && enabled;
            t1 = t1 == null ? Duration.ofSeconds(3) : t1;
            n1 = n1 == null ? 3 : n1;
            heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
            port = port == null ? 8805 : port;
            forwardingTimer = forwardingTimer == null ? Duration.ofSeconds(2) : forwardingTimer;
            if (forwardingTimer.isNegative()) {
                throw new IllegalArgumentException("liquid5gc.smf.n4.forwarding-timer must be >= 0");
            }
            if (t1.isNegative() || t1.isZero() || n1 < 0 || n1 > 10 || heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                    || port < 1 || port > 65535) {
                throw new IllegalArgumentException("liquid5gc.smf.n4: t1 > 0, 0 <= n1 <= 10, heartbeat-interval > 0, port 1-65535");
            }
        }
    }

    /** The configured UPF of this node id. */
    Upf upfOf(String nodeId) {
        return upfs.stream().filter(u -> u.nodeId().equals(nodeId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no UPF " + nodeId + " in liquid5gc.smf.upfs"));
    }

    /**
     * A UPF: its node id, N3 (GTP-U) and N4 (PFCP) addresses, the TEID range the SMF allocates uplink TEIDs from, and the
     * DNNs and S-NSSAIs it serves (empty: all).
     */
    public record Upf(String nodeId, String n3Address, String n4Address, Long teidMin, Long teidMax, List<String> dnns,
                      List<String> slices) {

        public Upf(String nodeId, String n3Address, String n4Address, Long teidMin, Long teidMax) {
            this(nodeId, n3Address, n4Address, teidMin, teidMax, null, null);
        }

        @ConstructorBinding
        public Upf {
            nodeId = nodeId == null ? "upf-1" : nodeId;
            n3Address = n3Address == null ? "127.0.0.8" : n3Address;
            n4Address = n4Address == null ? "127.0.0.8" : n4Address;
            teidMin = teidMin == null ? 1L : teidMin;
            teidMax = teidMax == null ? 0xFFFF_FFFFL : teidMax;
            Ipv4Pool.toInt(n3Address);
            Ipv4Pool.toInt(n4Address);
            if (teidMin < 1 || teidMax > 0xFFFF_FFFFL || teidMin > teidMax) {
                throw new IllegalArgumentException("liquid5gc.smf.upf.teid-min/teid-max must satisfy 1 <= min <= max <= 4294967295");
            }
            if (nodeId.isBlank() || !nodeId.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new IllegalArgumentException("liquid5gc.smf.upf node-id: letters, digits, '.', '_', '-' (1-100): " + nodeId);
            }
            dnns = dnns == null ? List.of() : List.copyOf(dnns);
            slices = slices == null ? List.of() : List.copyOf(slices);
            for (String s : slices) {
                parseSlice(s); // validates
            }
        }

        /** Whether this UPF serves the DNN and the S-NSSAI (TS 23.501 6.3.3: UPF selection by DNN and S-NSSAI). */
        boolean serves(String dnn, Snssai slice) {
            return (dnns.isEmpty() || dnns.contains(dnn))
                    && (slices.isEmpty() || slice != null && slices.stream().map(Upf::parseSlice).anyMatch(slice::equals));
        }

        /** "1" or "1-010203" (sst, or sst-sd). */
        static Snssai parseSlice(String s) {
            try {
                int dash = s.indexOf('-');
                return dash < 0 ? Snssai.of(Integer.parseInt(s.trim()))
                        : new Snssai(Integer.parseInt(s.substring(0, dash).trim()), s.substring(dash + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("liquid5gc.smf.upfs[i].slices: sst or sst-sd (1, 1-010203): " + s + " (" + e.getMessage() + ")", e);
            }
        }
    }

    /** What the SMF asks the CHF for (TS 32.255): one rating group and the volume requested per grant. */
    public record Charging(Integer ratingGroup, Long requestedVolume) {

        public Charging {
            ratingGroup = ratingGroup == null ? 1 : ratingGroup;
            requestedVolume = requestedVolume == null ? 10_000_000L : requestedVolume;
            if (ratingGroup < 0 || requestedVolume < 1) {
                throw new IllegalArgumentException("liquid5gc.smf.charging: rating-group >= 0, requested-volume >= 1");
            }
        }
    }
}
