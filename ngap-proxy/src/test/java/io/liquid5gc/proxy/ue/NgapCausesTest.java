package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseNas;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.CauseTransport;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.NgapCause.Group;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NgapCausesTest {

    /** Every value lib-ngap names, per alternative of the CHOICE (TS 38.413 9.3.1.2). */
    private static final Map<Group, List<Cause>> NAMED = Map.of(
            Group.RADIO_NETWORK, List.of(CauseRadioNetwork.values()),
            Group.TRANSPORT, List.of(CauseTransport.values()),
            Group.NAS, List.of(CauseNas.values()),
            Group.PROTOCOL, List.of(CauseProtocol.values()),
            Group.MISC, List.of(CauseMisc.values()));

    @Test
    void whenTheContractsRangesAreComparedWithLibNgap_thenEveryGroupHasTheSameValues() {
        for (Group g : Group.values()) {
            assertThat(g.valueCount()).as(g.asn1Name()).isEqualTo(NAMED.get(g).size());
        }
    }

    @Test
    void whenEveryContractCauseIsMappedToNgap_thenItIsTheValueOfTheSameGroupAndIndexAndMapsBack() {
        for (Group g : Group.values()) {
            for (int v = 0; v < g.valueCount(); v++) {
                NgapCause c = new NgapCause(g, v);
                Cause ngap = NgapCauses.toNgap(c);
                assertThat(NgapCauses.group(ngap.group())).as(c.toString()).isEqualTo(g);
                assertThat(ngap.index()).as(c.toString()).isEqualTo(v);
                assertThat(ngap).isNotInstanceOf(Cause.Unknown.class);
                assertThat(NgapCauses.toContract(ngap)).isEqualTo(c);
            }
        }
    }

    @Test
    void whenEveryNamedNgapCauseIsMappedToTheContract_thenItMapsBackToItself() {
        for (Group g : Group.values()) {
            for (Cause c : NAMED.get(g)) {
                NgapCause contract = NgapCauses.toContract(c);
                assertThat(contract.group()).isEqualTo(g);
                assertThat(NgapCauses.toNgap(contract)).isSameAs(c);
                assertThat(NgapCauses.received(c)).isEqualTo(contract);
            }
        }
    }

    @Test
    void whenTheNamedConstantsAreMapped_thenTheyAreTheCausesTheyName() {
        assertThat(NgapCauses.toNgap(NgapCause.RADIO_NETWORK_UNSPECIFIED)).isEqualTo(CauseRadioNetwork.UNSPECIFIED);
        assertThat(NgapCauses.toNgap(NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET))
                .isEqualTo(CauseRadioNetwork.HO_FAILURE_IN_TARGET_5GC_NGRAN_NODE_OR_TARGET_SYSTEM);
        assertThat(NgapCauses.toNgap(NgapCause.RADIO_NETWORK_HANDOVER_DESIRABLE_FOR_RADIO_REASON))
                .isEqualTo(CauseRadioNetwork.HANDOVER_DESIRABLE_FOR_RADIO_REASON);
        assertThat(NgapCauses.toNgap(NgapCause.RADIO_NETWORK_USER_INACTIVITY)).isEqualTo(CauseRadioNetwork.USER_INACTIVITY);
        assertThat(NgapCauses.toNgap(NgapCause.RADIO_NETWORK_RADIO_RESOURCES_NOT_AVAILABLE)).isEqualTo(CauseRadioNetwork.RADIO_RESOURCES_NOT_AVAILABLE);
        assertThat(NgapCauses.toNgap(NgapCause.TRANSPORT_UNSPECIFIED)).isEqualTo(CauseTransport.UNSPECIFIED);
        assertThat(NgapCauses.toNgap(NgapCause.NAS_NORMAL_RELEASE)).isEqualTo(CauseNas.NORMAL_RELEASE);
        assertThat(NgapCauses.toNgap(NgapCause.NAS_AUTHENTICATION_FAILURE)).isEqualTo(CauseNas.AUTHENTICATION_FAILURE);
        assertThat(NgapCauses.toNgap(NgapCause.NAS_DEREGISTER)).isEqualTo(CauseNas.DEREGISTER);
        assertThat(NgapCauses.toNgap(NgapCause.NAS_UNSPECIFIED)).isEqualTo(CauseNas.UNSPECIFIED);
        assertThat(NgapCauses.toNgap(NgapCause.PROTOCOL_TRANSFER_SYNTAX_ERROR)).isEqualTo(CauseProtocol.TRANSFER_SYNTAX_ERROR);
        assertThat(NgapCauses.toNgap(NgapCause.PROTOCOL_UNSPECIFIED)).isEqualTo(CauseProtocol.UNSPECIFIED);
        assertThat(NgapCauses.toNgap(NgapCause.MISC_UNSPECIFIED)).isEqualTo(CauseMisc.UNSPECIFIED);
    }

    @Test
    void whenEveryLibNgapGroupIsMapped_thenItIsTheContractsGroupOfTheSameChoiceIndex() {
        for (Cause.Group g : Cause.Group.values()) {
            assertThat(NgapCauses.group(g).choiceIndex()).isEqualTo(g.ordinal());
        }
    }

    @Test
    void whenANgapCauseOfALaterReleaseIsMappedToTheContract_thenItIsAnError() {
        for (Group g : Group.values()) {
            Cause.Group ngapGroup = Cause.Group.values()[g.choiceIndex()];
            assertThatThrownBy(() -> NgapCauses.toContract(new Cause.Unknown(ngapGroup, g.valueCount())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(g.asn1Name());
        }
        assertThatThrownBy(() -> NgapCauses.toContract(extension())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NgapCauses.toContract(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenAGnbSendsACauseThisReleaseDoesNotName_thenTheAmfIsToldMiscUnspecified() {
        assertThat(NgapCauses.received(new Cause.Unknown(Cause.Group.RADIO_NETWORK, 57))).isEqualTo(NgapCause.MISC_UNSPECIFIED);
        assertThat(NgapCauses.received(new Cause.Unknown(Cause.Group.NAS, 9))).isEqualTo(NgapCause.MISC_UNSPECIFIED);
        assertThat(NgapCauses.received(extension())).isEqualTo(NgapCause.MISC_UNSPECIFIED);
        assertThat(NgapCauses.received(null)).isEqualTo(NgapCause.MISC_UNSPECIFIED);
    }

    @Test
    void whenCausesAreDescribed_thenTheyNameTheAlternativeAndTheValue() {
        assertThat(NgapCauses.describe(CauseNas.NORMAL_RELEASE)).isEqualTo("nas: normal-release");
        assertThat(NgapCauses.describe(CauseRadioNetwork.USER_INACTIVITY)).isEqualTo("radioNetwork: user-inactivity");
        assertThat(NgapCauses.describe(CauseTransport.UNSPECIFIED)).isEqualTo("transport: unspecified");
        assertThat(NgapCauses.describe(CauseProtocol.SEMANTIC_ERROR)).isEqualTo("protocol: semantic-error");
        assertThat(NgapCauses.describe(CauseMisc.OM_INTERVENTION)).isEqualTo("misc: om-intervention");
        assertThat(NgapCauses.describe(new Cause.Unknown(Cause.Group.MISC, 6))).isEqualTo("misc: 6");
        assertThat(NgapCauses.describe(extension())).isEqualTo("choice-extension");
        assertThat(NgapCauses.describe(null)).isEqualTo("absent");
    }

    private static Cause extension() {
        return new Cause.Extension(new RawIe(1, Criticality.IGNORE, Octets.of(0)));
    }
}
