package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * FlowInformation (TS 29.512 5.6.2.14): an IPFilterRule ({@code "permit out ip from any to any"}) and its
 * direction (DOWNLINK, UPLINK, BIDIRECTIONAL, UNSPECIFIED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowInformation(String flowDescription, String flowDirection) {
}
