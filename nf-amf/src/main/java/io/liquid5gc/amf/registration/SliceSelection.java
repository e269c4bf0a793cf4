package io.liquid5gc.amf.registration;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.amf.DownlinkNas.RejectedSnssai;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nsacf.AcuFailureItem;
import io.liquid5gc.sbi.nsacf.AcuOperationItem;
import io.liquid5gc.sbi.nsacf.NsacfApi;
import io.liquid5gc.sbi.nsacf.SliceAdmissionRequest;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import io.liquid5gc.sbi.nsacf.UeACRequestInfo;
import io.liquid5gc.sbi.nssf.AuthorizedNetworkSliceInfo;
import io.liquid5gc.sbi.nssf.NsSelectionRequest;
import io.liquid5gc.sbi.nssf.NssfApi;
import io.liquid5gc.sbi.nssf.SliceInfoForRegistration;
import io.liquid5gc.sbi.nssf.SubscribedSnssai;
import io.liquid5gc.sbi.nssf.Tai;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.DataSetName;
import io.liquid5gc.sbi.udm.SubscriberDataRequest;
import io.liquid5gc.sbi.udm.UdmApi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allowed NSSAI of a registration (TS 23.502 4.2.2.2.2 steps 14 and 8; TS 24.501 5.5.1.2.4): the subscribed
 * S-NSSAIs from the UDM (Nudm_SDM am-data); the AMF's own selection when it serves them (no need for slice selection,
 * {@code liquid5gc.amf.nssf-query=when-needed}), else the NSSF's selection for the requested and subscribed slices in
 * the UE's TA (rejected ones with their causes); then, with Release 17 on, the NSACF's admission of the UE on each
 * allowed slice subject to NSAC ({@code liquid5gc.amf.nsac.*}, TS 23.501 5.15.11.1; TS 23.502 4.2.11.2: a full slice
 * is rejected with "maximum number of UEs reached"; the NSACF failing means no admission on those slices,
 * fail-closed). {@link #releaseUe} gives the UE's counts back at de-registration.
 */
public final class SliceSelection {

    private static final Logger log = LoggerFactory.getLogger(SliceSelection.class);

    /** The outcome: the allowed and rejected S-NSSAIs; nothing allowed means 5GMM cause #62. */
    public record Outcome(List<Snssai> allowed, List<RejectedSnssai> rejected) {
        public Outcome {
            allowed = List.copyOf(allowed);
            rejected = List.copyOf(rejected);
        }
    }

    private final AmfProperties properties;
    private final FunctionClient functions;

    public SliceSelection(AmfProperties properties, FunctionClient functions) {
        this.properties = properties;
        this.functions = functions;
    }

    public Outcome select(String supi, List<Snssai> requested, int tac) {
        AccessAndMobilitySubscriptionData am = functions.call(UdmApi.GET_SUBSCRIBER_DATA, SubscriberDataRequest.of(supi, DataSetName.AM)).amData();
        List<SubscribedSnssai> subscribed = new ArrayList<>();
        if (am != null && am.nssai() != null) {
            Set<Snssai> defaults = Set.copyOf(am.nssai().defaultSingleNssais());
            Set<Snssai> all = new LinkedHashSet<>(am.nssai().defaultSingleNssais());
            all.addAll(am.nssai().singleNssais());
            all.forEach(s -> subscribed.add(new SubscribedSnssai(s, defaults.contains(s))));
        }
        PlmnId plmn = new PlmnId(properties.mcc(), properties.mnc());
        Selected selected = properties.nssfQuery() == AmfProperties.NssfQuery.ALWAYS ? null : selectLocally(subscribed, requested, tac);
        if (selected == null) {
            selected = Selected.of(functions.call(NssfApi.SLICE_SELECT, new NsSelectionRequest("AMF", "amf",
                    new SliceInfoForRegistration(subscribed, requested, null), plmn, new Tai(plmn, String.format(Locale.ROOT, "%06x", tac)))));
        }
        List<Snssai> allowed = new ArrayList<>(selected.allowed().stream().filter(properties.slices()::contains).toList());
        List<RejectedSnssai> rejected = new ArrayList<>();
        selected.rejectedInPlmn().forEach(s -> rejected.add(new RejectedSnssai(s, RejectedSnssai.NOT_AVAILABLE_IN_PLMN)));
        selected.rejectedInTa().forEach(s -> rejected.add(new RejectedSnssai(s, RejectedSnssai.NOT_AVAILABLE_IN_REGISTRATION_AREA)));
        // TS 23.501 5.15.11.1: the NSACF admits the UE on the S-NSSAIs subject to NSAC only
        List<Snssai> subjectToNsac = allowed.stream().filter(properties.nsac()::subjectTo).toList();
        if (!subjectToNsac.isEmpty() && functions.isEnabled(NfType.NSACF)) {
            SliceAdmissionResponse admission;
            try {
                admission = functions.call(NsacfApi.SLICE_AVAILABILITY_CHECK, SliceAdmissionRequest.ofUe(new UeACRequestInfo(supi,
                        "3GPP_ACCESS", subjectToNsac.stream().map(s -> new AcuOperationItem(AcuOperationItem.INCREASE, s, plmn)).toList())));
            } catch (ProblemException e) {
                // fail-closed: without the NSACF's admission no slice subject to admission control is allowed
                log.warn("{}: NSACF unavailable, no slice subject to NSAC admitted: {}", supi, e.getMessage());
                subjectToNsac.forEach(s -> rejected.add(new RejectedSnssai(s, RejectedSnssai.NOT_AVAILABLE_IN_PLMN)));
                allowed.removeAll(subjectToNsac);
                return new Outcome(allowed, rejected);
            }
            for (List<AcuFailureItem> failures : admission.acuFailureList().values()) {
                for (AcuFailureItem f : failures) {
                    if (allowed.remove(f.snssai())) {
                        rejected.add(new RejectedSnssai(f.snssai(), RejectedSnssai.MAXIMUM_NUMBER_OF_UES_REACHED));
                        log.info("{}: slice {} refused by the NSACF ({})", supi, f.snssai(), f.reason());
                    }
                }
            }
        }
        return new Outcome(allowed, rejected);
    }

    /** A slice selection's result, the NSSF's or the AMF's own. */
    private record Selected(List<Snssai> allowed, List<Snssai> rejectedInPlmn, List<Snssai> rejectedInTa) {

        static Selected of(AuthorizedNetworkSliceInfo nssf) {
            return new Selected(nssf.allowedSnssais(), nssf.rejectedNssaiInPlmn(), nssf.rejectedNssaiInTa());
        }
    }

    /**
     * The allowed NSSAI as the AMF determines it itself when there is no need for slice selection (TS 23.502
     * 4.2.2.2.2, 4.2.2.2.3 step 4): the UE is in one of this AMF's tracking areas and the AMF serves every requested
     * S-NSSAI the subscription allows; requested S-NSSAIs not subscribed are rejected in the PLMN (TS 24.501 9.11.3.46
     * cause #0). With none requested, or none of them subscribed, the default subscribed S-NSSAIs are allowed if the
     * AMF serves them all (TS 23.501 5.15.5.2.1). Null when there is a need for slice selection (the NSSF is asked): no
     * subscribed S-NSSAI, a TA this AMF does not serve, or a subscribed S-NSSAI to allow that it does not serve.
     */
    private Selected selectLocally(List<SubscribedSnssai> subscribed, List<Snssai> requested, int tac) {
        if (subscribed.isEmpty() || !properties.tacs().contains(tac)) {
            return null;
        }
        Set<Snssai> subscribedSet = new LinkedHashSet<>();
        List<Snssai> defaults = new ArrayList<>();
        for (SubscribedSnssai s : subscribed) {
            subscribedSet.add(s.subscribedSnssai());
            if (Boolean.TRUE.equals(s.defaultIndication())) {
                defaults.add(s.subscribedSnssai());
            }
        }
        List<Snssai> allowed = new ArrayList<>();
        List<Snssai> rejectedInPlmn = new ArrayList<>();
        for (Snssai s : new LinkedHashSet<>(requested.isEmpty() ? defaults : requested)) {
            if (!subscribedSet.contains(s)) {
                rejectedInPlmn.add(s);
            } else if (properties.slices().contains(s)) {
                allowed.add(s);
            } else {
                return null; // subscribed, requested, not served here: the NSSF decides (e.g. another AMF set)
            }
        }
        if (allowed.isEmpty()) {
            if (defaults.isEmpty() || !properties.slices().containsAll(defaults)) {
                return null;
            }
            allowed.addAll(defaults);
        }
        return new Selected(allowed, rejectedInPlmn, List.of());
    }

    /** TS 23.502 4.2.11.2: the UE's counts on its allowed slices go down at de-registration (R17 only). */
    public void releaseUe(String supi, List<Snssai> allowed) {
        if (supi == null || !functions.isEnabled(NfType.NSACF)) {
            return;
        }
        List<Snssai> subjectToNsac = allowed.stream().filter(properties.nsac()::subjectTo).toList();
        if (subjectToNsac.isEmpty()) {
            return;
        }
        PlmnId plmn = new PlmnId(properties.mcc(), properties.mnc());
        try {
            functions.call(NsacfApi.UPDATE_COUNTERS, SliceAdmissionRequest.ofUe(new UeACRequestInfo(supi, "3GPP_ACCESS",
                    subjectToNsac.stream().map(s -> new AcuOperationItem(AcuOperationItem.DECREASE, s, plmn)).toList())));
        } catch (ProblemException e) {
            log.warn("{}: NSACF UE counts on {} not decreased: {}", supi, allowed, e.getMessage());
        }
    }
}
