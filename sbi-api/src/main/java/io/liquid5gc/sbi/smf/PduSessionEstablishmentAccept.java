package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import java.util.List;

/**
 * The content of the PDU Session Establishment Accept (TS 24.501 8.3.2) as values; the NGAP proxy encodes it as NAS.
 *
 * @param selectedPduSessionType the type granted (IPV4, ...)
 * @param selectedSscMode        SSC_MODE_1..3
 * @param authorizedQosRules     the QoS rules (TS 24.501 9.11.4.13), the default rule first
 * @param sessionAmbr            the session AMBR (TS 24.501 9.11.4.14)
 * @param pduAddress             the UE's address (TS 24.501 9.11.4.10)
 * @param cause5gsm              present when the type granted differs from the one asked (#50 "IPv4 only allowed")
 * @param authorizedQosFlowDescriptions the QoS flow descriptions (TS 24.501 9.11.4.12)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionEstablishmentAccept(int pduSessionId, String selectedPduSessionType, String selectedSscMode,
                                            List<QosRule> authorizedQosRules, Ambr sessionAmbr, PduAddress pduAddress,
                                            Snssai sNssai, String dnn, Integer cause5gsm,
                                            List<QosFlowDescription> authorizedQosFlowDescriptions) {
}
