package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * SubscriptionDataSets (TS 29.503 6.1.6.2.2), the answer of {@code udm-get-subscriber-data}: the data sets asked
 * for; those not asked for are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionDataSets(AccessAndMobilitySubscriptionData amData, SmfSelectionSubscriptionData smfSelData,
                                   List<SessionManagementSubscriptionData> smData) {
}
