package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * AccessAndMobilitySubscriptionData (TS 29.503 6.1.6.2.4), the fields this core uses: GPSIs (e.g.
 * {@code msisdn-...}), the subscribed UE-AMBR and the subscribed NSSAI.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AccessAndMobilitySubscriptionData(List<String> gpsis, Ambr subscribedUeAmbr, Nssai nssai) {

    public AccessAndMobilitySubscriptionData {
        gpsis = gpsis == null ? List.of() : List.copyOf(gpsis);
    }
}
