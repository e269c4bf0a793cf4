package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** SessionRule (TS 29.512 5.6.2.7): the authorised session AMBR and default QoS of the PDU session. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionRule(Ambr authSessAmbr, AuthorizedDefaultQos authDefQos, String sessRuleId) {
}
