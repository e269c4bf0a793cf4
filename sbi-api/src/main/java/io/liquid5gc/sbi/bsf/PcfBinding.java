package io.liquid5gc.sbi.bsf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;

/**
 * PcfBinding (TS 29.521 5.6.2.2): which PCF serves a PDU session, found by the UE address or by SUPI and DNN. This core
 * fills ipv4Addr (or ipv6Prefix), supi, dnn, snssai, pcfId and pcfFqdn.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PcfBinding(String supi, String gpsi, String ipv4Addr, String ipv6Prefix, String ipDomain, String dnn,
                         Snssai snssai, String pcfFqdn, String pcfId, String pcfSetId, String bindLevel) {
}
