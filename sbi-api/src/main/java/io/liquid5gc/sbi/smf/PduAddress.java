package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** PDU address (TS 24.501 9.11.4.10): the PDU session type and the UE's IPv4 address. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduAddress(String pduSessionType, String ipv4Addr) {
}
