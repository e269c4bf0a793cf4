package io.liquid5gc.amf.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.amf.DownlinkNas.RejectedSnssai;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nsacf.AcuFailureItem;
import io.liquid5gc.sbi.nsacf.AcuOperationItem;
import io.liquid5gc.sbi.nsacf.NsacfApi;
import io.liquid5gc.sbi.nsacf.SliceAdmissionRequest;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import io.liquid5gc.sbi.nssf.AllowedNssai;
import io.liquid5gc.sbi.nssf.AllowedSnssai;
import io.liquid5gc.sbi.nssf.AuthorizedNetworkSliceInfo;
import io.liquid5gc.sbi.nssf.NsSelectionRequest;
import io.liquid5gc.sbi.nssf.NssfApi;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.Nssai;
import io.liquid5gc.sbi.udm.SubscriptionDataSets;
import io.liquid5gc.sbi.udm.UdmApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * When the AMF asks the NSSF (TS 23.502 4.2.2.2.3 step 4: only if there is a need for slice selection) and the NSACF
 * (TS 23.501 5.15.11.1: only for the S-NSSAIs subject to NSAC). The callees are recorded: which of them a registration's
 * slice selection reached, with what.
 */
class SliceSelectionTest {

    private static final String SUPI = "imsi-001010000000001";
    private static final Snssai SLICE = new Snssai(1, "010203");
    private static final Snssai IOT = new Snssai(1, "000002");
    private static final Snssai NOT_SERVED = new Snssai(2, null);

    /** The UDM's am-data (defaults and others), an NSSF that allows what is subscribed, an NSACF with full slices. */
    static final class Callees implements FunctionClient {
        List<Snssai> defaults = List.of(SLICE);
        List<Snssai> others = List.of();
        final Set<Snssai> full = new HashSet<>();
        final List<NsSelectionRequest> nssf = new ArrayList<>();
        final List<List<Snssai>> increases = new ArrayList<>();
        final List<List<Snssai>> decreases = new ArrayList<>();
        boolean nsacfDown;

        @Override
        @SuppressWarnings("unchecked")
        public <I, O> O call(FunctionSpec<I, O> function, I request) {
            if (function.equals(UdmApi.GET_SUBSCRIBER_DATA)) {
                return (O) new SubscriptionDataSets(new AccessAndMobilitySubscriptionData(List.of(), null, new Nssai(defaults, others)), null, List.of());
            }
            if (function.equals(NssfApi.SLICE_SELECT)) {
                NsSelectionRequest r = (NsSelectionRequest) request;
                nssf.add(r);
                List<Snssai> subscribed = r.sliceInfoRequestForRegistration().subscribedNssai().stream()
                        .map(s -> s.subscribedSnssai()).toList();
                List<Snssai> asked = r.sliceInfoRequestForRegistration().requestedNssai();
                List<Snssai> allowed = asked.stream().filter(subscribed::contains).toList();
                return (O) new AuthorizedNetworkSliceInfo(List.of(new AllowedNssai(allowed.stream().map(s -> new AllowedSnssai(s, null)).toList(),
                        "3GPP_ACCESS")), List.of(), asked.stream().filter(s -> !subscribed.contains(s)).toList(), List.of());
            }
            if (function.equals(NsacfApi.SLICE_AVAILABILITY_CHECK) || function.equals(NsacfApi.UPDATE_COUNTERS)) {
                if (nsacfDown) {
                    throw new ProblemException(503, "Service Unavailable", "NF_UNAVAILABLE", "the NSACF is down");
                }
                SliceAdmissionRequest r = (SliceAdmissionRequest) request;
                List<Snssai> slices = r.ueACRequestInfo().acuOperationList().stream().map(AcuOperationItem::snssai).toList();
                (function.equals(NsacfApi.SLICE_AVAILABILITY_CHECK) ? increases : decreases).add(slices);
                List<AcuFailureItem> failures = slices.stream().filter(full::contains)
                        .map(s -> new AcuFailureItem(s, AcuFailureItem.EXCEED_MAX_UE_NUM, null)).toList();
                return (O) new SliceAdmissionResponse(failures.isEmpty() ? Map.of() : Map.of(SUPI, failures), List.of(), List.of());
            }
            throw new AssertionError("not called in slice selection: " + function);
        }

        @Override
        public boolean isEnabled(NfType nf) {
            return true;
        }

        @Override
        public Placement placementOf(NfType nf) {
            return Placement.HTTP;
        }
    }

    private final Callees callees = new Callees();

    private static AmfProperties amf(String... keyValues) {
        Map<String, String> map = new HashMap<>(Map.of("liquid5gc.amf.slices[0].sst", "1", "liquid5gc.amf.slices[0].sd", "010203",
                "liquid5gc.amf.slices[1].sst", "1", "liquid5gc.amf.slices[1].sd", "000002"));
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(map)).bindOrCreate("liquid5gc.amf", AmfProperties.class);
    }

    private SliceSelection.Outcome select(AmfProperties properties, List<Snssai> requested) {
        return new SliceSelection(properties, callees).select(SUPI, requested, 1);
    }

    @Test
    void whenNothingIsConfigured_thenTheNssfIsAskedWhenNeededAndEverySliceIsSubjectToNsac() {
        AmfProperties d = AmfProperties.defaults();
        assertThat(d.nssfQuery()).isEqualTo(AmfProperties.NssfQuery.WHEN_NEEDED);
        assertThat(d.nsac().subject()).isEqualTo(AmfProperties.NsacSubject.ALL);
        assertThat(d.nsac().subjectTo(NOT_SERVED)).isTrue();
        assertThat(amf("liquid5gc.amf.nssf-query", "always").nssfQuery()).isEqualTo(AmfProperties.NssfQuery.ALWAYS);
        AmfProperties listed = amf("liquid5gc.amf.nsac.snssais[0].sst", "1", "liquid5gc.amf.nsac.snssais[0].sd", "000002");
        assertThat(listed.nsac().subject()).as("listing S-NSSAIs means only those").isEqualTo(AmfProperties.NsacSubject.LISTED);
        assertThat(listed.nsac().subjectTo(IOT)).isTrue();
        assertThat(listed.nsac().subjectTo(SLICE)).isFalse();
        assertThat(amf("liquid5gc.amf.nsac.subject", "listed").nsac().subjectTo(SLICE)).as("listed, none listed: none").isFalse();
        assertThatThrownBy(() -> amf("liquid5gc.amf.nsac.subject", "all", "liquid5gc.amf.nsac.snssais[0].sst", "1"))
                .hasStackTraceContaining("subject=all with snssais");
    }

    @Test
    void whenTheAmfServesEveryRequestedSubscribedSlice_thenItSelectsWithoutTheNssfAndRejectsTheUnsubscribedInThePlmn() {
        callees.others = List.of(IOT);
        SliceSelection.Outcome outcome = select(amf(), List.of(SLICE, IOT, NOT_SERVED));
        assertThat(callees.nssf).as("no need for slice selection: no NSSF query").isEmpty();
        assertThat(outcome.allowed()).containsExactly(SLICE, IOT);
        assertThat(outcome.rejected()).as("NOT_SERVED is not subscribed").containsExactly(new RejectedSnssai(NOT_SERVED, RejectedSnssai.NOT_AVAILABLE_IN_PLMN));
    }

    @Test
    void whenTheUeRequestsNoSliceOrNoneItIsSubscribedTo_thenTheServedDefaultSubscribedSlicesAreAllowedWithoutTheNssf() {
        callees.defaults = List.of(SLICE, IOT);
        assertThat(select(amf(), List.of()).allowed()).containsExactly(SLICE, IOT);
        SliceSelection.Outcome outcome = select(amf(), List.of(NOT_SERVED));
        assertThat(outcome.allowed()).containsExactly(SLICE, IOT);
        assertThat(outcome.rejected()).containsExactly(new RejectedSnssai(NOT_SERVED, RejectedSnssai.NOT_AVAILABLE_IN_PLMN));
        assertThat(callees.nssf).isEmpty();
    }

    @Test
    void whenASubscribedRequestedSliceIsNotServedByTheAmf_thenTheNssfIsAsked() {
        callees.others = List.of(NOT_SERVED);
        SliceSelection.Outcome outcome = select(amf(), List.of(SLICE, NOT_SERVED));
        assertThat(callees.nssf).as("a need for slice selection").singleElement()
                .satisfies(r -> assertThat(r.sliceInfoRequestForRegistration().requestedNssai()).containsExactly(SLICE, NOT_SERVED));
        assertThat(outcome.allowed()).as("the NSSF's choice, among what this AMF serves").containsExactly(SLICE);
    }

    @Test
    void whenADefaultSubscribedSliceIsNotServedByTheAmf_thenTheNssfIsAsked() {
        callees.defaults = List.of(NOT_SERVED);
        select(amf(), List.of());
        assertThat(callees.nssf).hasSize(1);
    }

    @Test
    void whenTheUeIsInATrackingAreaTheAmfDoesNotServe_thenTheNssfIsAsked() {
        new SliceSelection(amf(), callees).select(SUPI, List.of(SLICE), 7);
        assertThat(callees.nssf).singleElement().satisfies(r -> assertThat(r.tai().tac()).isEqualTo("000007"));
    }

    @Test
    void whenConfiguredToAlwaysAsk_thenEveryRegistrationReachesTheNssf() {
        SliceSelection.Outcome outcome = select(amf("liquid5gc.amf.nssf-query", "always"), List.of(SLICE));
        assertThat(callees.nssf).hasSize(1);
        assertThat(outcome.allowed()).containsExactly(SLICE);
    }

    @Test
    void whenEverySliceIsSubjectToNsac_thenTheNsacfAdmitsTheUeOnEveryAllowedSliceAndAFullOneIsRejected() {
        callees.others = List.of(IOT);
        callees.full.add(IOT);
        SliceSelection.Outcome outcome = select(amf(), List.of(SLICE, IOT));
        assertThat(callees.increases).containsExactly(List.of(SLICE, IOT));
        assertThat(outcome.allowed()).containsExactly(SLICE);
        assertThat(outcome.rejected()).containsExactly(new RejectedSnssai(IOT, RejectedSnssai.MAXIMUM_NUMBER_OF_UES_REACHED));
    }

    @Test
    void whenOnlyOneSliceIsSubjectToNsac_thenTheNsacfIsAskedForThatOneOnlyAndNotAtAllForTheOther() {
        AmfProperties iotOnly = amf("liquid5gc.amf.nsac.snssais[0].sst", "1", "liquid5gc.amf.nsac.snssais[0].sd", "000002");
        callees.others = List.of(IOT);
        assertThat(select(iotOnly, List.of(SLICE)).allowed()).containsExactly(SLICE);
        assertThat(callees.increases).as("SLICE is not subject to NSAC: no NSACF hop").isEmpty();

        callees.full.add(IOT);
        SliceSelection.Outcome outcome = select(iotOnly, List.of(SLICE, IOT));
        assertThat(callees.increases).as("IOT is: the hop is made, for IOT alone").containsExactly(List.of(IOT));
        assertThat(outcome.allowed()).containsExactly(SLICE);
        assertThat(outcome.rejected()).containsExactly(new RejectedSnssai(IOT, RejectedSnssai.MAXIMUM_NUMBER_OF_UES_REACHED));

        new SliceSelection(iotOnly, callees).releaseUe(SUPI, List.of(SLICE));
        new SliceSelection(iotOnly, callees).releaseUe(SUPI, List.of(SLICE, IOT));
        assertThat(callees.decreases).as("de-registration counts down the NSAC slices only").containsExactly(List.of(IOT));
    }

    @Test
    void whenTheNsacfIsDown_thenTheSlicesSubjectToNsacAreNotAdmittedAndTheOthersAre() {
        AmfProperties iotOnly = amf("liquid5gc.amf.nsac.snssais[0].sst", "1", "liquid5gc.amf.nsac.snssais[0].sd", "000002");
        callees.others = List.of(IOT);
        callees.nsacfDown = true;
        SliceSelection.Outcome outcome = select(iotOnly, List.of(SLICE, IOT));
        assertThat(outcome.allowed()).containsExactly(SLICE);
        assertThat(outcome.rejected()).containsExactly(new RejectedSnssai(IOT, RejectedSnssai.NOT_AVAILABLE_IN_PLMN));
        assertThat(select(amf(), List.of(SLICE, IOT)).allowed()).as("every slice subject to NSAC: none admitted (fail-closed)").isEmpty();
    }
}
