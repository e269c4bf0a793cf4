package io.liquid5gc.sbi.nrf;

/**
 * The request of {@code nrf-status-notify}: NFStatusSubscribe (TS 29.510 5.2.2.5) when {@code subscription} is
 * given, NFStatusUnSubscribe (5.2.2.7) when only {@code unsubscribeId} is. The NRF then sends NFStatusNotify
 * (5.2.2.6) to the subscription's URI whenever a matching NF registers, changes or goes away.
 */
public record NfStatusSubscriptionRequest(SubscriptionData subscription, String unsubscribeId) {

    public static NfStatusSubscriptionRequest subscribe(SubscriptionData subscription) {
        return new NfStatusSubscriptionRequest(subscription, null);
    }

    public static NfStatusSubscriptionRequest unsubscribe(String subscriptionId) {
        return new NfStatusSubscriptionRequest(null, subscriptionId);
    }
}
