package io.liquid5gc.udm;

import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.udm.DataSetName;
import io.liquid5gc.sbi.udm.SubscriberDataRequest;
import io.liquid5gc.sbi.udm.SubscriptionDataSets;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.sbi.udr.UdrDataSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Nudm_SDM Get (TS 29.503 5.2.2.2): access and mobility data (5.2.2.2.3), SMF selection data (5.2.2.2.4) and session
 * management data (5.2.2.2.6) of a SUPI, read from the UDR. Never the authentication subscription. AM data alone
 * right after the UE authenticated comes from that authentication's UDR read ({@link AmDataPrefetch}).
 */
final class SubscriberDataManagement {

    private final UdrClient udr;
    private final AmDataPrefetch prefetch;

    SubscriberDataManagement(UdrClient udr, AmDataPrefetch prefetch) {
        this.udr = udr;
        this.prefetch = prefetch;
    }

    SubscriptionDataSets handleGetSubscriberData(SubscriberDataRequest request) {
        if (request.supi() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "supi");
        }
        if (!request.supi().matches("imsi-\\d{5,15}|nai-.{1,253}")) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "supi must be imsi-<digits> or nai-<nai>: " + request.supi());
        }
        if (request.dataSetNames().equals(List.of(DataSetName.AM))) {
            // the AMF's Get after the authentication (TS 23.502 4.2.2.2.2 step 14): read with it, once
            var kept = prefetch.take(request.supi());
            if (kept.isPresent()) {
                return new SubscriptionDataSets(kept.get(), null, null);
            }
        }
        List<UdrDataSet> sets = new ArrayList<>();
        for (DataSetName name : request.dataSetNames()) {
            sets.add(switch (name) {
                case AM -> UdrDataSet.AM_DATA;
                case SMF_SEL -> UdrDataSet.SMF_SELECTION_SUBSCRIPTION_DATA;
                case SM -> UdrDataSet.SM_DATA;
            });
        }
        SubscriptionData data = udr.read(new DataReadRequest(request.supi(), sets, request.singleNssai(), request.dnn()));
        return new SubscriptionDataSets(data.amData(), data.smfSelData(), data.smData());
    }
}
