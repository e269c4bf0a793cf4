package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** SubscribedDefaultQos (TS 29.571 5.5.4.4): the subscribed default 5QI, ARP and priority level. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscribedDefaultQos(@JsonProperty("5qi") Integer fiveQi, Arp arp, Integer priorityLevel) {
}
