package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * DnnConfiguration (TS 29.503 6.1.6.2.12), the fields this core uses: PDU session types, SSC modes, the subscribed
 * default QoS ({@code 5gQosProfile}) and the session AMBR.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DnnConfiguration(PduSessionTypes pduSessionTypes, SscModes sscModes,
                               @JsonProperty("5gQosProfile") SubscribedDefaultQos fiveGQosProfile, Ambr sessionAmbr) {

    /** PduSessionTypes (TS 29.503 6.1.6.2.13): PduSessionType values IPV4, IPV6, IPV4V6, UNSTRUCTURED, ETHERNET. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PduSessionTypes(String defaultSessionType, List<String> allowedSessionTypes) {
        public PduSessionTypes {
            allowedSessionTypes = allowedSessionTypes == null ? List.of() : List.copyOf(allowedSessionTypes);
        }
    }

    /** SscModes (TS 29.503 6.1.6.2.14): SscMode values SSC_MODE_1, SSC_MODE_2, SSC_MODE_3. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SscModes(String defaultSscMode, List<String> allowedSscModes) {
        public SscModes {
            allowedSscModes = allowedSscModes == null ? List.of() : List.copyOf(allowedSscModes);
        }
    }

    /** SubscribedDefaultQos (TS 29.571 5.4.4.5): 5QI, ARP and optional priority level. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscribedDefaultQos(@JsonProperty("5qi") int fiveQi, Arp arp, Integer priorityLevel) {
    }

    /**
     * Arp (TS 29.571 5.5.4.1): priority level 1..15, preemptCap NOT_PREEMPT|MAY_PREEMPT, preemptVuln
     * NOT_PREEMPTABLE|PREEMPTABLE.
     */
    public record Arp(int priorityLevel, String preemptCap, String preemptVuln) {
    }
}
