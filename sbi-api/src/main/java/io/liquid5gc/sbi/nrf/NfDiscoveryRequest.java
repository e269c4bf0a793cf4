package io.liquid5gc.sbi.nrf;

import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * The query of NFDiscovery (TS 29.510 6.2.3.2.3.1): target-nf-type and requester-nf-type are mandatory;
 * snssais and dnn narrow the result.
 */
public record NfDiscoveryRequest(String targetNfType, String requesterNfType, List<Snssai> snssais, String dnn) {

    public NfDiscoveryRequest {
        snssais = snssais == null ? List.of() : List.copyOf(snssais);
    }

    public static NfDiscoveryRequest of(String targetNfType, String requesterNfType) {
        return new NfDiscoveryRequest(targetNfType, requesterNfType, List.of(), null);
    }
}
