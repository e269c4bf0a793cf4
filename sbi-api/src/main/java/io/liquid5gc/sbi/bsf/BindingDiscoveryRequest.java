package io.liquid5gc.sbi.bsf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The query of Nbsf_Management_Discovery (TS 29.521 5.2.2.4): by ipv4Addr (with ipDomain), by ipv6Prefix, or by supi and dnn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BindingDiscoveryRequest(String ipv4Addr, String ipDomain, String ipv6Prefix, String supi, String dnn) {
}
