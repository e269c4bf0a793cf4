package io.liquid5gc.sbi.nrf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * NotificationData (TS 29.510 6.2.6.2.5), the body the NRF POSTs to a subscriber: the event
 * (NF_REGISTERED, NF_DEREGISTERED, NF_PROFILE_CHANGED), the instance and, except for deregistration, its profile.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationData(String event, String nfInstanceUri, NfProfile nfProfile) {
}
