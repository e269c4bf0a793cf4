package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * SmPolicyDecision (TS 29.512 5.6.2.4): the session rules (session AMBR, default QoS), the PCC rules and the QoS
 * data they refer to. Maps keyed by the rule's / QoS data's id, as in the specification.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SmPolicyDecision(Map<String, SessionRule> sessRules, Map<String, PccRule> pccRules,
                               Map<String, QosData> qosDecs) {

    public SmPolicyDecision {
        sessRules = sessRules == null ? Map.of() : Map.copyOf(sessRules);
        pccRules = pccRules == null ? Map.of() : Map.copyOf(pccRules);
        qosDecs = qosDecs == null ? Map.of() : Map.copyOf(qosDecs);
    }
}
