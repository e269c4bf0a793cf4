package io.liquid5gc.smf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** UPF selection by DNN and S-NSSAI with failover, and the checks of liquid5gc.smf.upfs. */
class UpfSelectionTest {

    private static final Snssai EMBB = new Snssai(1, "010203");
    private static final SmfProperties.Upf A = new SmfProperties.Upf("upf-a", "10.0.0.1", "10.0.1.1", null, null, List.of("internet"), List.of());
    private static final SmfProperties.Upf B = new SmfProperties.Upf("upf-b", "10.0.0.2", "10.0.1.2", null, null,
            List.of("internet", "ims"), List.of("1-010203"));
    private static final SmfProperties.Upf C = new SmfProperties.Upf("upf-c", "10.0.0.3", "10.0.1.3", null, null, List.of(), List.of("2"));
    private static final List<SmfProperties.Upf> UPFS = List.of(A, B, C);

    @Test
    void whenSeveralUpfsServeTheDnn_thenTheFirstAssociatedOneInConfiguredOrderIsChosen() {
        assertThat(UpfSelection.select(UPFS, "internet", EMBB, id -> true)).isEqualTo(new UpfSelection.Choice.Selected(A));
        assertThat(UpfSelection.select(UPFS, "ims", EMBB, id -> true)).isEqualTo(new UpfSelection.Choice.Selected(B));
        assertThat(UpfSelection.select(UPFS, "internet", EMBB, Set.of("upf-b")::contains)).isEqualTo(new UpfSelection.Choice.Selected(B));
    }

    @Test
    void whenTheSliceDecides_thenOnlyUpfsOfThatSliceAreCandidates() {
        // B serves 1-010203 only; C every DNN on sst 2 (any sd)
        assertThat(UpfSelection.select(UPFS, "ims", Snssai.of(1), id -> true)).isEqualTo(new UpfSelection.Choice.NoneServes());
        assertThat(UpfSelection.select(UPFS, "ims", Snssai.of(2), id -> true)).isEqualTo(new UpfSelection.Choice.Selected(C));
        assertThat(UpfSelection.select(UPFS, "ims", new Snssai(2, "000001"), id -> true)).isEqualTo(new UpfSelection.Choice.NoneServes());
    }

    @Test
    void whenEveryCandidateIsUnassociated_thenTheChoiceNamesThem() {
        assertThat(UpfSelection.select(UPFS, "internet", EMBB, id -> id.equals("upf-c")))
                .isEqualTo(new UpfSelection.Choice.NoneAssociated(List.of("upf-a", "upf-b")));
    }

    @Test
    void whenUpfsAreMisconfigured_thenTheStartFailsNamingTheKey() {
        Map<String, String> pools = Map.of("internet", "10.45.0.0/16");
        assertThatThrownBy(() -> new SmfProperties(pools, new SmfProperties.Upf(null, null, null, null, null), null, null, null, null, null, List.of(A)))
                .hasMessageContaining("either liquid5gc.smf.upf.* (one UPF) or liquid5gc.smf.upfs[i]");
        assertThatThrownBy(() -> new SmfProperties(pools, null, null, null, null, null, null, List.of(A, A)))
                .hasMessageContaining("node-id upf-a given twice");
        assertThatThrownBy(() -> new SmfProperties(pools, null, null, null, null, null, null, List.of(B)))
                .hasMessageContaining("serves DNN ims, which has no liquid5gc.smf.pools.ims");
        assertThatThrownBy(() -> new SmfProperties.Upf("u", null, null, null, null, null, List.of("1-xyz")))
                .hasMessageContaining("liquid5gc.smf.upfs[i].slices");
        // without upfs: the one liquid5gc.smf.upf serving every DNN and slice
        SmfProperties one = new SmfProperties(pools, null, null, null, null, null, null);
        assertThat(one.upfs()).hasSize(1);
        assertThat(one.upfs().getFirst().serves("anything", Snssai.of(7))).isTrue();
    }
}
