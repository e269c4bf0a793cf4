package io.liquid5gc.smf;

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
 * liquid5gc.smf.n4-address=127.0.0.1            # the SMF's own N4 address (CP F-SEID)
 * liquid5gc.smf.charging.rating-group=1         # when the CHF is on
 * liquid5gc.smf.charging.requested-volume=10000000
 * liquid5gc.smf.pcf-fqdn=pcf.liquid5gc.local    # the PCF named in BSF bindings
 * liquid5gc.smf.back-off-timer=60               # seconds, in slice-quota rejects (#69)
 * </pre>
 * In each pool the network address, the first host (the UPF's N6 gateway) and the broadcast address are never given out.
 */
@ConfigurationProperties("liquid5gc.smf")
public record SmfProperties(Map<String, String> pools, Upf upf, String n4Address, Charging charging, String pcfFqdn,
                            Integer backOffTimer) {

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
