package io.liquid5gc.sbi.nssf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * SliceInfoForRegistration (TS 29.531 6.1.6.2.3): the UE's subscribed S-NSSAIs (from UDM) and the NSSAI it requested
 * in the Registration Request (may be empty: the default subscribed S-NSSAIs are then used, TS 23.501 5.15.5.2.1).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SliceInfoForRegistration(List<SubscribedSnssai> subscribedNssai, List<Snssai> requestedNssai,
                                       Boolean defaultConfiguredSnssaiInd) {

    public SliceInfoForRegistration {
        subscribedNssai = subscribedNssai == null ? List.of() : List.copyOf(subscribedNssai);
        requestedNssai = requestedNssai == null ? List.of() : List.copyOf(requestedNssai);
    }
}
