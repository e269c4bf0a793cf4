package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.SessionManagementSubscriptionData;
import io.liquid5gc.sbi.udm.SmfSelectionSubscriptionData;
import java.util.List;

/**
 * One subscriber's subscription data in the UDR (TS 29.505 5.2.2: {@code /subscription-data/{ueId}/...}): the
 * authentication subscription, am-data, smf-selection-subscription-data and sm-data (one per S-NSSAI). The answer of
 * {@code udr-data-read} (only the data sets asked for) and the body of a PUT by {@code udr-data-write}.
 *
 * @param ueId the SUPI, {@code imsi-<digits>}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionData(String ueId, AuthenticationSubscription authenticationSubscription,
                               AccessAndMobilitySubscriptionData amData, SmfSelectionSubscriptionData smfSelData,
                               List<SessionManagementSubscriptionData> smData) {

    public SubscriptionData {
        smData = smData == null ? null : List.copyOf(smData);
    }

    /** The same data with K and OPc replaced by {@code ***}. */
    public SubscriptionData redacted() {
        return new SubscriptionData(ueId, authenticationSubscription == null ? null : authenticationSubscription.redacted(),
                amData, smfSelData, smData);
    }

    @Override
    public String toString() {
        return "SubscriptionData[ueId=" + ueId + ", authenticationSubscription=" + authenticationSubscription
                + ", amData=" + amData + ", smfSelData=" + smfSelData + ", smData=" + smData + "]";
    }
}
