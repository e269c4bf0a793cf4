package io.liquid5gc.sbi.nrf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The NRF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NrfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String REGISTER = "nrf-register";
        public static final String DISCOVER = "nrf-discover";
        public static final String STATUS_NOTIFY = "nrf-status-notify";

        private Names() {
        }
    }

    public static final FunctionSpec<NfProfile, NfRegistrationResult> REGISTER =
            new FunctionSpec<>(Names.REGISTER, NfType.NRF, NfProfile.class, NfRegistrationResult.class, true);

    public static final FunctionSpec<NfDiscoveryRequest, NfDiscoveryResult> DISCOVER =
            new FunctionSpec<>(Names.DISCOVER, NfType.NRF, NfDiscoveryRequest.class, NfDiscoveryResult.class, true);

    /** NF status subscriptions: subscribe or unsubscribe; the NRF notifies subscribers (TS 29.510 5.2.2.5-5.2.2.7). */
    public static final FunctionSpec<NfStatusSubscriptionRequest, SubscriptionData> STATUS_NOTIFY =
            new FunctionSpec<>(Names.STATUS_NOTIFY, NfType.NRF, NfStatusSubscriptionRequest.class, SubscriptionData.class, false);

    private NrfApi() {
    }
}
