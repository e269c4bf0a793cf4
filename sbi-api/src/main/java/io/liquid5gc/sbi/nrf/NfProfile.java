package io.liquid5gc.sbi.nrf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * NFProfile (TS 29.510 6.1.6.2.2), the fields this core uses. {@code nfType} carries the TS 29.510 NFType
 * value (e.g. "AMF"); {@code nfStatus} is REGISTERED, SUSPENDED or UNDISCOVERABLE.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NfProfile(
        String nfInstanceId,
        String nfType,
        String nfStatus,
        Integer heartBeatTimer,
        List<PlmnId> plmnList,
        List<Snssai> sNssais,
        String fqdn,
        List<String> ipv4Addresses,
        List<NfService> nfServices,
        SmfInfo smfInfo) {

    public NfProfile {
        plmnList = plmnList == null ? List.of() : List.copyOf(plmnList);
        sNssais = sNssais == null ? List.of() : List.copyOf(sNssais);
        ipv4Addresses = ipv4Addresses == null ? List.of() : List.copyOf(ipv4Addresses);
        nfServices = nfServices == null ? List.of() : List.copyOf(nfServices);
    }

    public NfProfile withStatusAndHeartBeat(String status, int heartBeat) {
        return new NfProfile(nfInstanceId, nfType, status, heartBeat, plmnList, sNssais, fqdn, ipv4Addresses, nfServices, smfInfo);
    }

    /** NFService (TS 29.510 6.1.6.2.3), reduced: where the service is reached. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NfService(String serviceInstanceId, String serviceName, String scheme, String apiPrefix) {
    }

    /** SmfInfo (TS 29.510 6.1.6.2.6): the slices and DNNs an SMF serves. */
    public record SmfInfo(List<SnssaiSmfInfoItem> sNssaiSmfInfoList) {
        public SmfInfo {
            sNssaiSmfInfoList = sNssaiSmfInfoList == null ? List.of() : List.copyOf(sNssaiSmfInfoList);
        }
    }

    /** SnssaiSmfInfoItem (TS 29.510 6.1.6.2.11) with DnnSmfInfoItem reduced to the DNN. */
    public record SnssaiSmfInfoItem(Snssai sNssai, List<String> dnns) {
        public SnssaiSmfInfoItem {
            dnns = dnns == null ? List.of() : List.copyOf(dnns);
        }
    }
}
