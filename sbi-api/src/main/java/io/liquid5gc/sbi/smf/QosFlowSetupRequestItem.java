package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.liquid5gc.sbi.pcf.Arp;

/**
 * QoS Flow Setup Request Item (TS 38.413 9.3.4.1, QoS Flow Level QoS Parameters 9.3.1.12): QFI, the non-dynamic 5QI
 * and the ARP of one QoS flow.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QosFlowSetupRequestItem(int qosFlowIdentifier, @JsonProperty("5qi") int fiveQi, Arp arp) {
}
