package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * NnwdafEventsSubscription (TS 29.520 5.1.6.2.2): the events to notify and where ({@code notificationURI}).
 * {@code subscriptionId} is filled in the answer (TS 29.520: the Location {@code .../subscriptions/{subscriptionId}}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NnwdafEventsSubscription(String subscriptionId, List<EventSubscription> eventSubscriptions,
                                       @JsonProperty("notificationURI") String notificationUri, String notifCorrId) {

    public NnwdafEventsSubscription {
        eventSubscriptions = eventSubscriptions == null ? List.of() : List.copyOf(eventSubscriptions);
    }

    public NnwdafEventsSubscription withId(String id) {
        return new NnwdafEventsSubscription(id, eventSubscriptions, notificationUri, notifCorrId);
    }
}
