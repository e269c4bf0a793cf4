package io.liquid5gc.pcf;

import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PCF settings ({@code liquid5gc.pcf.*}): the SM policy per slice and DNN (TS 29.512 SessionRule and default QoS).
 * A policy with both sst and dnn wins over one with only one of them; {@code default-policy} applies when none matches
 * (and the subscription gave no session AMBR / default QoS).
 *
 * <pre>
 * liquid5gc.pcf.policies[0].sst=1
 * liquid5gc.pcf.policies[0].sd=010203
 * liquid5gc.pcf.policies[0].dnn=internet
 * liquid5gc.pcf.policies[0].five-qi=9
 * liquid5gc.pcf.policies[0].arp-priority-level=8
 * liquid5gc.pcf.policies[0].preempt-cap=NOT_PREEMPT
 * liquid5gc.pcf.policies[0].preempt-vuln=PREEMPTABLE
 * liquid5gc.pcf.policies[0].session-ambr-uplink=1 Gbps
 * liquid5gc.pcf.policies[0].session-ambr-downlink=2 Gbps
 * </pre>
 */
@ConfigurationProperties("liquid5gc.pcf")
public record PcfProperties(List<Policy> policies, @DefaultValue Policy defaultPolicy) {

    /** The declared defaults: what binding no {@code liquid5gc.pcf.*} property gives. */
    public static PcfProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.pcf", PcfProperties.class);
    }

    public PcfProperties {
        policies = policies == null ? List.of() : List.copyOf(policies);
        Objects.requireNonNull(defaultPolicy, "liquid5gc.pcf.default-policy");
        if (defaultPolicy.sst() != null || defaultPolicy.dnn() != null) {
            throw new IllegalArgumentException("liquid5gc.pcf.default-policy must not name a slice or DNN");
        }
    }

    /**
     * One SM policy.
     *
     * @param sst / sd the slice it applies to (null = any)
     * @param dnn the DNN it applies to (null = any)
     * @param fiveQi the default QoS flow's 5QI (TS 23.501 Table 5.7.4-1), default 9
     * @param arpPriorityLevel 1..15, default 8
     */
    public record Policy(Integer sst, String sd, String dnn, @DefaultValue("9") int fiveQi,
                         @DefaultValue("8") int arpPriorityLevel, @DefaultValue("NOT_PREEMPT") String preemptCap,
                         @DefaultValue("PREEMPTABLE") String preemptVuln, @DefaultValue("1 Gbps") String sessionAmbrUplink,
                         @DefaultValue("2 Gbps") String sessionAmbrDownlink) {

        public Policy {
            if (fiveQi < 1 || fiveQi > 255) {
                throw new IllegalArgumentException("liquid5gc.pcf five-qi must be 1..255: " + fiveQi);
            }
            if (sst != null) {
                new Snssai(sst, sd); // validates
            } else if (sd != null) {
                throw new IllegalArgumentException("liquid5gc.pcf policy with sd " + sd + " but no sst");
            }
            new Arp(arpPriorityLevel, preemptCap, preemptVuln); // validates
            new Ambr(sessionAmbrUplink, sessionAmbrDownlink); // validates
        }

        Arp arp() {
            return new Arp(arpPriorityLevel, preemptCap, preemptVuln);
        }

        Ambr sessionAmbr() {
            return new Ambr(sessionAmbrUplink, sessionAmbrDownlink);
        }

        /** -1 when it does not apply; otherwise how specific the match is (2 slice and DNN, 1 one of them, 0 neither). */
        int specificity(Snssai slice, String dnnAsked) {
            int score = 0;
            if (sst != null) {
                if (slice == null || sst != slice.sst() || (sd != null && !sd.equalsIgnoreCase(slice.sd() == null ? "" : slice.sd()))) {
                    return -1;
                }
                score++;
            }
            if (dnn != null) {
                if (!dnn.equals(dnnAsked)) {
                    return -1;
                }
                score++;
            }
            return score;
        }
    }
}
