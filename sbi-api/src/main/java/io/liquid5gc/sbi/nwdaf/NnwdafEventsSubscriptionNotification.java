package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** NnwdafEventsSubscriptionNotification (TS 29.520 5.1.6.2.4): POSTed to the subscriber's notificationURI. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NnwdafEventsSubscriptionNotification(List<EventNotification> eventNotifications, String subscriptionId, String notifCorrId) {
}
