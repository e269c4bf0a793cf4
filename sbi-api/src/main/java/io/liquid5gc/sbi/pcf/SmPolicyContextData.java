package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;

/**
 * SmPolicyContextData (TS 29.512 5.6.2.3): what the SMF tells the PCF when it creates an SM policy association
 * (Npcf_SMPolicyControl_Create, TS 29.512 4.2.2). Required by this PCF: supi, pduSessionId, dnn, sliceInfo.
 *
 * @param subsSessAmbr the session AMBR of the subscription (from UDM), used when no policy is configured
 * @param subsDefQos   the default QoS of the subscription (from UDM), used when no policy is configured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmPolicyContextData(String supi, Integer pduSessionId, String pduSessionType, String dnn,
                                  Snssai sliceInfo, String notificationUri, String accessType, String ratType,
                                  PlmnId servingNetwork, String ipv4Address, Ambr subsSessAmbr,
                                  SubscribedDefaultQos subsDefQos) {
}
