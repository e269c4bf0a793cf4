package io.liquid5gc.nssf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nssf.AuthorizedNetworkSliceInfo;
import io.liquid5gc.sbi.nssf.ConfiguredSnssai;
import io.liquid5gc.sbi.nssf.NsSelectionRequest;
import io.liquid5gc.sbi.nssf.SliceInfoForRegistration;
import io.liquid5gc.sbi.nssf.SubscribedSnssai;
import io.liquid5gc.sbi.nssf.Tai;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** nssf-slice-select (TS 29.531, TS 23.501 5.15.5.2.1). The NSSF is stateless: configuration only. */
class SliceSelectionTest {

    static final PlmnId PLMN = new PlmnId("001", "01");
    static final Snssai EMBB = new Snssai(1, "010203");
    static final Snssai URLLC = new Snssai(2, null);
    static final Snssai MIOT = new Snssai(3, "000001");
    static final Snssai UNKNOWN = new Snssai(9, null);

    // eMBB everywhere; URLLC only in TA 000002; mIoT in the PLMN but in no TA.
    final SliceSelection nssf = new SliceSelection(new NssfProperties(List.of(new NssfProperties.Plmn("001", "01",
            List.of(EMBB, URLLC, MIOT), List.of(
                    new NssfProperties.TrackingArea(List.of("000001"), List.of(EMBB)),
                    new NssfProperties.TrackingArea(List.of("000002"), List.of(EMBB, URLLC)))))));

    static NsSelectionRequest request(String tac, List<Snssai> requested, SubscribedSnssai... subscribed) {
        return new NsSelectionRequest("AMF", "amf-1", new SliceInfoForRegistration(List.of(subscribed), requested, null),
                PLMN, new Tai(PLMN, tac));
    }

    static SubscribedSnssai sub(Snssai s, boolean isDefault) {
        return new SubscribedSnssai(s, isDefault);
    }

    @Test
    void whenRequestedSlicesAreSubscribedAndSupportedInTheTa_thenTheyAreAllowed() {
        AuthorizedNetworkSliceInfo info = nssf.handleNsSelectionGet(request("000002", List.of(EMBB, URLLC), sub(EMBB, true), sub(URLLC, false)));
        assertThat(info.allowedSnssais()).containsExactly(EMBB, URLLC);
        assertThat(info.allowedNssaiList().getFirst().accessType()).isEqualTo("3GPP_ACCESS");
        assertThat(info.rejectedNssaiInPlmn()).isEmpty();
        assertThat(info.rejectedNssaiInTa()).isEmpty();
        assertThat(info.noAllowedSlice()).isFalse();
    }

    @Test
    void whenASliceIsSupportedInThePlmnButNotInTheTa_thenItIsRejectedInTheTa() {
        AuthorizedNetworkSliceInfo info = nssf.handleNsSelectionGet(request("000001", List.of(EMBB, URLLC), sub(EMBB, true), sub(URLLC, false)));
        assertThat(info.allowedSnssais()).containsExactly(EMBB);
        assertThat(info.rejectedNssaiInTa()).containsExactly(URLLC);
        assertThat(info.configuredNssai()).extracting(ConfiguredSnssai::configuredSnssai).containsExactly(EMBB, URLLC);
    }

    @Test
    void whenASliceIsNotSubscribedOrUnknownInThePlmn_thenItIsRejectedInThePlmn() {
        AuthorizedNetworkSliceInfo info = nssf.handleNsSelectionGet(request("000002", List.of(EMBB, URLLC, UNKNOWN), sub(EMBB, true)));
        assertThat(info.allowedSnssais()).containsExactly(EMBB);
        assertThat(info.rejectedNssaiInPlmn()).containsExactly(URLLC, UNKNOWN);
    }

    @Test
    void whenTheUeRequestsNothing_thenTheDefaultSubscribedSlicesAreAllowed() {
        AuthorizedNetworkSliceInfo info = nssf.handleNsSelectionGet(request("000002", List.of(), sub(EMBB, true), sub(URLLC, false)));
        assertThat(info.allowedSnssais()).containsExactly(EMBB);
    }

    @Test
    void whenNoRequestedSliceIsAllowed_thenTheDefaultSubscribedOnesAreAllowedInstead() {
        AuthorizedNetworkSliceInfo info = nssf.handleNsSelectionGet(request("000001", List.of(URLLC), sub(EMBB, true), sub(URLLC, false)));
        assertThat(info.allowedSnssais()).containsExactly(EMBB);
        assertThat(info.rejectedNssaiInTa()).containsExactly(URLLC);
    }

    @Test
    void whenNoSliceCanBeAllowed_thenTheAnswerSaysSoForCause62() {
        AuthorizedNetworkSliceInfo info = nssf.handleNsSelectionGet(request("000001", List.of(MIOT), sub(MIOT, true)));
        assertThat(info.noAllowedSlice()).isTrue();
        assertThat(info.allowedNssaiList()).isEmpty();
        assertThat(info.rejectedNssaiInTa()).containsExactly(MIOT);
        AuthorizedNetworkSliceInfo otherPlmn = nssf.handleNsSelectionGet(new NsSelectionRequest("AMF", null,
                new SliceInfoForRegistration(List.of(sub(EMBB, true)), List.of(EMBB), null), PLMN, new Tai(new PlmnId("999", "99"), "000001")));
        assertThat(otherPlmn.noAllowedSlice()).isTrue();
        assertThat(otherPlmn.rejectedNssaiInPlmn()).containsExactly(EMBB);
    }

    @Test
    void whenNoSliceIsAllowed_thenTheJsonHasNoAllowedNssaiListAndReadsBackTheSame() {
        JsonMapper json = new JsonMapper();
        AuthorizedNetworkSliceInfo info = nssf.handleNsSelectionGet(request("000001", List.of(MIOT), sub(MIOT, true)));
        String text = json.writeValueAsString(info);
        assertThat(text).doesNotContain("allowedNssaiList").contains("\"rejectedNssaiInTa\":[{\"sst\":3,\"sd\":\"000001\"}]");
        assertThat(json.readValue(text, AuthorizedNetworkSliceInfo.class)).isEqualTo(info);
    }

    @Test
    void whenMandatoryParametersAreMissing_thenTheAnswerIs400() {
        assertThatThrownBy(() -> nssf.handleNsSelectionGet(new NsSelectionRequest(null, null, null, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().cause()).isEqualTo("MANDATORY_QUERY_PARAM_INCORRECT");
                });
        assertThatThrownBy(() -> nssf.handleNsSelectionGet(request("000001", List.of(EMBB))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void whenConfiguredByProperties_thenTheFunctionBeanSelectsFromThem() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NssfFunctions.class))
                .withPropertyValues("liquid5gc.nssf.plmns[0].mcc=001", "liquid5gc.nssf.plmns[0].mnc=01",
                        "liquid5gc.nssf.plmns[0].snssais[0].sst=1", "liquid5gc.nssf.plmns[0].snssais[0].sd=010203",
                        "liquid5gc.nssf.plmns[0].tracking-areas[0].tacs=000001",
                        "liquid5gc.nssf.plmns[0].tracking-areas[0].snssais[0].sst=1",
                        "liquid5gc.nssf.plmns[0].tracking-areas[0].snssais[0].sd=010203")
                .run(ctx -> {
                    @SuppressWarnings("unchecked")
                    java.util.function.Function<NsSelectionRequest, AuthorizedNetworkSliceInfo> f =
                            ctx.getBean("nssf-slice-select", java.util.function.Function.class);
                    assertThat(f.apply(request("000001", List.of(EMBB), sub(EMBB, true))).allowedSnssais()).containsExactly(EMBB);
                    assertThat(f.apply(request("000009", List.of(EMBB), sub(EMBB, true))).rejectedNssaiInTa()).containsExactly(EMBB);
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NssfFunctions.class))
                .withPropertyValues("liquid5gc.nssf.plmns[0].mcc=001", "liquid5gc.nssf.plmns[0].mnc=01",
                        "liquid5gc.nssf.plmns[0].tracking-areas[0].tacs=1",
                        "liquid5gc.nssf.plmns[0].tracking-areas[0].snssais[0].sst=1")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void whenNothingIsConfigured_thenTheDefaultIsPlmn00101WithSlice1010203() {
        SliceSelection defaults = new SliceSelection(NssfProperties.defaults());
        assertThat(defaults.handleNsSelectionGet(request("000001", List.of(), sub(EMBB, true))).allowedSnssais()).containsExactly(EMBB);
    }
}
