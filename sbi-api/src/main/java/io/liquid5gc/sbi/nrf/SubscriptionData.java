package io.liquid5gc.sbi.nrf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * SubscriptionData (TS 29.510 6.2.6.2.3), reduced: where to notify, for which NF type and events, until when.
 * {@code reqNotifEvents} are NF_REGISTERED, NF_DEREGISTERED, NF_PROFILE_CHANGED (all when empty).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SubscriptionData(String nfStatusNotificationUri, String subscriptionId, NfTypeCond subscrCond,
                               List<String> reqNotifEvents, Instant validityTime) {

    public SubscriptionData {
        reqNotifEvents = reqNotifEvents == null ? List.of() : List.copyOf(reqNotifEvents);
    }

    /** NfTypeCond (TS 29.510 6.2.6.2.6): notify for instances of this NF type. */
    public record NfTypeCond(String nfType) {
    }
}
