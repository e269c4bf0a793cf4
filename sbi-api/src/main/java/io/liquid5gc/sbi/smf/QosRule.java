package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A QoS rule (TS 24.501 9.11.4.13): identifier, default-rule flag, precedence, packet filters and the QFI it maps to.
 * The default rule has the match-all packet filter (TS 24.501 9.11.4.13, packet filter component type "match-all").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QosRule(int qosRuleIdentifier, boolean defaultQosRule, int precedence, List<PacketFilter> packetFilters, int qfi) {

    /** A packet filter (TS 24.501 9.11.4.13 Figure 9.11.4.13.3): direction and its components; "MATCH_ALL" for the default. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PacketFilter(int packetFilterIdentifier, String direction, String component) {
    }
}
