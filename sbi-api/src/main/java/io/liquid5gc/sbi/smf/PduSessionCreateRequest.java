package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;

/**
 * The request of {@code smf-pdu-session-create}: SmContextCreateData (TS 29.502 6.1.6.2.2) with the content of the
 * UE's PDU Session Establishment Request (TS 24.501 8.3.1) already decoded by the NGAP proxy.
 *
 * @param supi           the UE, e.g. "imsi-001010000000001"
 * @param pduSessionId   1..15 (TS 24.007 11.2.3.1b)
 * @param dnn            the DNN the UE asked for (the AMF fills in the subscribed default when the UE gave none)
 * @param sNssai         the S-NSSAI of the session
 * @param pduSessionType requested type: IPV4, IPV6, IPV4V6, UNSTRUCTURED, ETHERNET (TS 29.571 PduSessionType); null
 *                       = the subscription's default
 * @param sscMode        requested SSC mode: SSC_MODE_1..3 (TS 29.571 SscMode); null = the subscription's default
 * @param servingNetwork the serving PLMN
 * @param servingNfId    the AMF's NF instance id
 * @param anType         3GPP_ACCESS (default) or NON_3GPP_ACCESS
 * @param pei            the UE's PEI (IMEI/IMEISV), optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionCreateRequest(String supi, Integer pduSessionId, String dnn, Snssai sNssai, String pduSessionType,
                                      String sscMode, PlmnId servingNetwork, String servingNfId, String anType, String pei) {
}
