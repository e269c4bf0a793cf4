package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** PccRule (TS 29.512 5.6.2.6): service data flow filters, precedence, and the QoS data they use ({@code refQosData}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PccRule(String pccRuleId, List<FlowInformation> flowInfos, Integer precedence, List<String> refQosData) {

    public PccRule {
        flowInfos = flowInfos == null ? List.of() : List.copyOf(flowInfos);
        refQosData = refQosData == null ? List.of() : List.copyOf(refQosData);
    }
}
