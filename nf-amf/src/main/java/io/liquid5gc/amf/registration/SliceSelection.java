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
 * S-NSSAIs from the UDM (Nudm_SDM am-data), the NSSF's selection for the requested and subscribed slices in the UE's
 * TA (rejected ones with their causes), then, with Release 17 on, the NSACF's admission of the UE per slice (TS 23.502
 * 4.2.11.2: a full slice is rejected with "maximum number of UEs reached"; the NSACF failing means no admission,
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
        AuthorizedNetworkSliceInfo selected = functions.call(NssfApi.SLICE_SELECT, new NsSelectionRequest("AMF", "amf",
                new SliceInfoForRegistration(subscribed, requested, null), plmn, new Tai(plmn, String.format(Locale.ROOT, "%06x", tac))));
        List<Snssai> allowed = new ArrayList<>(selected.allowedSnssais().stream().filter(properties.slices()::contains).toList());
        List<RejectedSnssai> rejected = new ArrayList<>();
        selected.rejectedNssaiInPlmn().forEach(s -> rejected.add(new RejectedSnssai(s, RejectedSnssai.NOT_AVAILABLE_IN_PLMN)));
        selected.rejectedNssaiInTa().forEach(s -> rejected.add(new RejectedSnssai(s, RejectedSnssai.NOT_AVAILABLE_IN_REGISTRATION_AREA)));
        if (!allowed.isEmpty() && functions.isEnabled(NfType.NSACF)) {
            SliceAdmissionResponse admission;
            try {
                admission = functions.call(NsacfApi.SLICE_AVAILABILITY_CHECK, SliceAdmissionRequest.ofUe(new UeACRequestInfo(supi,
                        "3GPP_ACCESS", allowed.stream().map(s -> new AcuOperationItem(AcuOperationItem.INCREASE, s, plmn)).toList())));
            } catch (ProblemException e) {
                // fail-closed: without the NSACF's admission no slice subject to admission control is allowed
                log.warn("{}: NSACF unavailable, no slice admitted: {}", supi, e.getMessage());
                allowed.forEach(s -> rejected.add(new RejectedSnssai(s, RejectedSnssai.NOT_AVAILABLE_IN_PLMN)));
                return new Outcome(List.of(), rejected);
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

    /** TS 23.502 4.2.11.2: the UE's counts on its allowed slices go down at de-registration (R17 only). */
    public void releaseUe(String supi, List<Snssai> allowed) {
        if (supi == null || allowed.isEmpty() || !functions.isEnabled(NfType.NSACF)) {
            return;
        }
        PlmnId plmn = new PlmnId(properties.mcc(), properties.mnc());
        try {
            functions.call(NsacfApi.UPDATE_COUNTERS, SliceAdmissionRequest.ofUe(new UeACRequestInfo(supi, "3GPP_ACCESS",
                    allowed.stream().map(s -> new AcuOperationItem(AcuOperationItem.DECREASE, s, plmn)).toList())));
        } catch (ProblemException e) {
            log.warn("{}: NSACF UE counts on {} not decreased: {}", supi, allowed, e.getMessage());
        }
    }
}
