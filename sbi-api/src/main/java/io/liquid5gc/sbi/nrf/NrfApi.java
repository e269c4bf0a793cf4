package io.liquid5gc.sbi.nrf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The NRF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NrfApi {

    public static final FunctionSpec<NfProfile, NfRegistrationResult> REGISTER =
            new FunctionSpec<>("nrf-register", NfType.NRF, NfProfile.class, NfRegistrationResult.class, true);

    public static final FunctionSpec<NfDiscoveryRequest, NfDiscoveryResult> DISCOVER =
            new FunctionSpec<>("nrf-discover", NfType.NRF, NfDiscoveryRequest.class, NfDiscoveryResult.class, true);

    /** NF status subscriptions: subscribe or unsubscribe; the NRF notifies subscribers (TS 29.510 5.2.2.5-5.2.2.7). */
    public static final FunctionSpec<NfStatusSubscriptionRequest, SubscriptionData> STATUS_NOTIFY =
            new FunctionSpec<>("nrf-status-notify", NfType.NRF, NfStatusSubscriptionRequest.class, SubscriptionData.class, false);

    private NrfApi() {
    }
}
