package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** AuthorizedDefaultQos (TS 29.512 5.6.2.34): the default QoS flow's 5QI and ARP authorised by the PCF. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizedDefaultQos(@JsonProperty("5qi") Integer fiveQi, Arp arp, Integer priorityLevel) {
}
