package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.pcf.Ambr;
import java.util.List;

/**
 * The content of the PDU Session Modification Command (TS 24.501 8.3.9) the SMF answers a UE-requested
 * modification with: the session AMBR, the authorized QoS rules and QoS flow descriptions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionModificationCommand(int pduSessionId, Ambr sessionAmbr, List<QosRule> authorizedQosRules,
                                            List<QosFlowDescription> authorizedQosFlowDescriptions) {

    public PduSessionModificationCommand {
        authorizedQosRules = authorizedQosRules == null ? List.of() : List.copyOf(authorizedQosRules);
        authorizedQosFlowDescriptions = authorizedQosFlowDescriptions == null ? List.of() : List.copyOf(authorizedQosFlowDescriptions);
    }
}
