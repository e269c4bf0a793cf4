package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A QoS flow description (TS 24.501 9.11.4.12): QFI and its parameters (5QI; bit rates for GBR flows). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QosFlowDescription(int qfi, @JsonProperty("5qi") int fiveQi, String gfbrUl, String gfbrDl, String mfbrUl, String mfbrDl) {
}
