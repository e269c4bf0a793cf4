package io.liquid5gc.smf;

import io.liquid5gc.runtime.placement.FunctionCallException;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.pcf.SubscribedDefaultQos;
import io.liquid5gc.sbi.smf.Cause5gsm;
import io.liquid5gc.sbi.udm.DataSetName;
import io.liquid5gc.sbi.udm.DnnConfiguration;
import io.liquid5gc.sbi.udm.SessionManagementSubscriptionData;
import io.liquid5gc.sbi.udm.SubscriberDataRequest;
import io.liquid5gc.sbi.udm.SubscriptionDataSets;
import io.liquid5gc.sbi.udm.UdmApi;
import java.util.List;

/**
 * The subscription check through {@code udm-get-subscriber-data} (Nudm_SDM_Get sm-data, TS 29.503 5.2.2.2.5):
 * unknown SUPI → #29 (TS 24.501 6.4.1.4.1), no SM data for the slice or DNN → #33 "requested service option not
 * subscribed", the UDM failing → #34 "service option temporarily out of order".
 */
final class UdmSubscriptionCheck implements SubscriptionCheck {

    private final FunctionClient client;

    UdmSubscriptionCheck(FunctionClient client) {
        this.client = client;
    }

    @Override
    public SmSubscription check(String supi, Snssai sNssai, String dnn) {
        SubscriptionDataSets data;
        try {
            data = client.call(UdmApi.GET_SUBSCRIBER_DATA, new SubscriberDataRequest(supi, List.of(DataSetName.SM), sNssai, dnn));
        } catch (ProblemException e) {
            if (e instanceof FunctionCallException f && f.kind() != FunctionCallException.Kind.PEER_ERROR) {
                // not deployed, switched off, unreachable, timed out: not the subscriber's fault
                throw new Rejected(Cause5gsm.SERVICE_OPTION_TEMPORARILY_OUT_OF_ORDER, "UDM_UNAVAILABLE", "UDM not reachable: " + f.getMessage());
            }
            boolean unknown = e.status() == 404 && ("USER_NOT_FOUND".equals(e.problem().cause())
                    || "CONTEXT_NOT_FOUND".equals(e.problem().cause()));
            if (unknown) {
                throw new Rejected(Cause5gsm.USER_AUTHENTICATION_OR_AUTHORIZATION_FAILED, "USER_NOT_FOUND", "unknown subscriber " + supi);
            }
            if (e.status() == 404 || e.status() == 403) {
                throw new Rejected(Cause5gsm.REQUESTED_SERVICE_OPTION_NOT_SUBSCRIBED, "SUBSCRIPTION_DENIED",
                        "no SM subscription: " + e.problem().cause());
            }
            String what = e instanceof FunctionCallException f ? f.getMessage() : e.getMessage();
            throw new Rejected(Cause5gsm.SERVICE_OPTION_TEMPORARILY_OUT_OF_ORDER, "UDM_UNAVAILABLE", "UDM failed: " + what);
        }
        List<SessionManagementSubscriptionData> sm = data == null || data.smData() == null ? List.of() : data.smData();
        SessionManagementSubscriptionData slice = sm.stream().filter(s -> sNssai.equals(s.singleNssai())).findFirst()
                .orElseThrow(() -> new Rejected(Cause5gsm.REQUESTED_SERVICE_OPTION_NOT_SUBSCRIBED, "SUBSCRIPTION_DENIED",
                        "S-NSSAI " + sNssai + " not subscribed"));
        DnnConfiguration c = slice.dnnConfigurations().get(dnn);
        if (c == null) {
            c = slice.dnnConfigurations().get("*"); // the wildcard DNN (TS 29.503 6.1.6.2.11)
        }
        if (c == null) {
            throw new Rejected(Cause5gsm.REQUESTED_SERVICE_OPTION_NOT_SUBSCRIBED, "DNN_DENIED", "DNN " + dnn + " not subscribed on " + sNssai);
        }
        DnnConfiguration.PduSessionTypes types = c.pduSessionTypes();
        DnnConfiguration.SscModes modes = c.sscModes();
        Ambr ambr = c.sessionAmbr() == null ? null : new Ambr(c.sessionAmbr().uplink(), c.sessionAmbr().downlink());
        SubscribedDefaultQos qos = null;
        if (c.fiveGQosProfile() != null) {
            DnnConfiguration.Arp a = c.fiveGQosProfile().arp();
            qos = new SubscribedDefaultQos(c.fiveGQosProfile().fiveQi(),
                    a == null ? null : new Arp(a.priorityLevel(), a.preemptCap(), a.preemptVuln()), c.fiveGQosProfile().priorityLevel());
        }
        return new SmSubscription(types == null ? null : types.defaultSessionType(), types == null ? List.of() : types.allowedSessionTypes(),
                modes == null ? null : modes.defaultSscMode(), modes == null ? List.of() : modes.allowedSscModes(), ambr, qos);
    }
}
