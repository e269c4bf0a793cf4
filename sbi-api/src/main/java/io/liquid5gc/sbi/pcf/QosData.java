package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * QosData (TS 29.512 5.6.2.8): the QoS of one QoS flow: 5QI, ARP, maximum/guaranteed bit rates (BitRate strings),
 * and whether it is the default QoS flow ({@code defQosFlowIndication}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QosData(String qosId, @JsonProperty("5qi") Integer fiveQi, String maxbrUl, String maxbrDl,
                      String gbrUl, String gbrDl, Arp arp, Integer priorityLevel, Boolean defQosFlowIndication) {
}
