package io.liquid5gc.r17.chf;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CHF settings ({@code liquid5gc.chf.*}): the volume quota (octets) each subscriber has per rating group, and how much
 * one grant gives at most.
 *
 * <pre>
 * liquid5gc.chf.default-quota=10000000000        # per subscriber and rating group, when not listed below
 * liquid5gc.chf.rating-groups.1=50000000000      # per rating group
 * liquid5gc.chf.subscribers[0].supi=imsi-001010000000001
 * liquid5gc.chf.subscribers[0].rating-group=1
 * liquid5gc.chf.subscribers[0].quota=1000000
 * liquid5gc.chf.max-grant=100000000
 * liquid5gc.chf.validity-time=3600               # seconds, in each grant
 * </pre>
 */
@ConfigurationProperties("liquid5gc.chf")
public record ChfProperties(@DefaultValue("10000000000") long defaultQuota, Map<Integer, Long> ratingGroups,
                            List<SubscriberQuota> subscribers, @DefaultValue("100000000") long maxGrant,
                            @DefaultValue("3600") int validityTime) {

    /** The declared defaults: what binding no {@code liquid5gc.chf.*} property gives. */
    public static ChfProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.chf", ChfProperties.class);
    }

    public ChfProperties {
        ratingGroups = ratingGroups == null ? Map.of() : Map.copyOf(ratingGroups);
        subscribers = subscribers == null ? List.of() : List.copyOf(subscribers);
        if (defaultQuota < 0 || maxGrant < 1 || validityTime < 1 || ratingGroups.values().stream().anyMatch(v -> v < 0)) {
            throw new IllegalArgumentException("liquid5gc.chf: quotas >= 0, max-grant >= 1, validity-time >= 1");
        }
    }

    /** One subscriber's quota for one rating group. */
    public record SubscriberQuota(String supi, Integer ratingGroup, Long quota) {

        public SubscriberQuota {
            if (supi == null || ratingGroup == null || quota == null || quota < 0) {
                throw new IllegalArgumentException("liquid5gc.chf.subscribers[]: supi, rating-group and quota >= 0 are required");
            }
        }
    }

    long quotaOf(String supi, int ratingGroup) {
        return subscribers.stream().filter(s -> s.supi().equals(supi) && s.ratingGroup() == ratingGroup).map(SubscriberQuota::quota)
                .findFirst().orElse(ratingGroups.getOrDefault(ratingGroup, defaultQuota));
    }
}
