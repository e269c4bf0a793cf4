package io.liquid5gc.smf;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMF settings ({@code liquid5gc.smf.*}).
 *
 * <pre>
 * liquid5gc.smf.pools.internet=10.45.0.0/16     # UE IPv4 pool per DNN (CIDR, prefix /8../29)
 * liquid5gc.smf.pools.ims=10.46.0.0/24
 * liquid5gc.smf.upf.node-id=upf-1
 * liquid5gc.smf.upf.n3-address=127.0.0.8        # UL NG-U tunnel endpoint sent to the gNB
 * liquid5gc.smf.upf.n4-address=127.0.0.8        # PFCP peer (N4 is not sent yet)
 * liquid5gc.smf.upf.teid-min=1
 * liquid5gc.smf.upf.teid-max=4294967295
 * liquid5gc.smf.n4-address=127.0.0.1            # the SMF's own N4 address (CP F-SEID; PFCP binds it, port 8805)
 * liquid5gc.smf.n4.enabled=false                # true: PFCP to the UPF (association, heartbeats, sessions)
 * liquid5gc.smf.n4.t1=3s                        # PFCP retransmission timer T1 (TS 29.244 6.4)
 * liquid5gc.smf.n4.n1=3                         # retransmissions N1
 * liquid5gc.smf.n4.heartbeat-interval=10s       # Heartbeat Request period once associated
 * liquid5gc.smf.n4.port=8805                    # the PFCP port, the SMF's and the UPF's
 * liquid5gc.smf.charging.rating-group=1         # when the CHF is on
 * liquid5gc.smf.charging.requested-volume=10000000
 * liquid5gc.smf.pcf-fqdn=pcf.liquid5gc.local    # the PCF named in BSF bindings
 * liquid5gc.smf.back-off-timer=60               # seconds, in slice-quota rejects (#69)
 * </pre>
 * In each pool the network address, the first host (the UPF's N6 gateway) and the broadcast address are never given out.
 */
@ConfigurationProperties("liquid5gc.smf")
public record SmfProperties(Map<String, String> pools, Upf upf, String n4Address, Charging charging, String pcfFqdn,
                            Integer backOffTimer, N4 n4) {

    public SmfProperties {
        pools = pools == null || pools.isEmpty() ? Map.of("internet", "10.45.0.0/16") : Map.copyOf(new LinkedHashMap<>(pools));
        pools.forEach((dnn, cidr) -> {
            if (dnn.isBlank()) {
                throw new IllegalArgumentException("liquid5gc.smf.pools: empty DNN");
            }
            Ipv4Pool.parse(dnn, cidr); // validates
        });
        upf = upf == null ? new Upf(null, null, null, null, null) : upf;
        n4Address = n4Address == null ? "127.0.0.1" : n4Address;
        Ipv4Pool.toInt(n4Address);
        charging = charging == null ? new Charging(null, null) : charging;
        pcfFqdn = pcfFqdn == null ? "pcf.liquid5gc.local" : pcfFqdn;
        backOffTimer = backOffTimer == null ? 60 : backOffTimer;
        if (backOffTimer < 0) {
            throw new IllegalArgumentException("liquid5gc.smf.back-off-timer must be >= 0");
        }
        n4 = n4 == null ? new N4(null, null, null, null, null) : n4;
    }

    /**
     * PFCP towards the UPF (TS 29.244). Off by default (the one-command all-in-one has no UPF): the SMF then builds and
     * stores the N4 sessions without sending them, and says so at start.
     */
    public record N4(Boolean enabled, Duration t1, Integer n1, Duration heartbeatInterval, Integer port) {

        public N4 {
            enabled = enabled != null && enabled;
            t1 = t1 == null ? Duration.ofSeconds(3) : t1;
            n1 = n1 == null ? 3 : n1;
            heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
            port = port == null ? 8805 : port;
            if (t1.isNegative() || t1.isZero() || n1 < 0 || n1 > 10 || heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                    || port < 1 || port > 65535) {
                throw new IllegalArgumentException("liquid5gc.smf.n4: t1 > 0, 0 <= n1 <= 10, heartbeat-interval > 0, port 1-65535");
            }
        }
    }

    /** The UPF: its N3 (GTP-U) and N4 (PFCP) addresses and the TEID range the SMF allocates uplink TEIDs from. */
    public record Upf(String nodeId, String n3Address, String n4Address, Long teidMin, Long teidMax) {

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
