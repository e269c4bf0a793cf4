package io.liquid5gc.sbi.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.amf.NgapCause.Group;
import org.junit.jupiter.api.Test;

class NgapCauseTest {

    @Test
    void whenEveryValueOfEveryGroupIsBuilt_thenItIsAccepted() {
        for (Group g : Group.values()) {
            for (int v = 0; v < g.valueCount(); v++) {
                assertThat(new NgapCause(g, v).value()).isEqualTo(v);
            }
        }
    }

    @Test
    void whenTheValueIsOutsideTheGroupsRange_thenItIsRejected() {
        for (Group g : Group.values()) {
            assertThatThrownBy(() -> new NgapCause(g, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new NgapCause(g, g.valueCount())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(g.asn1Name());
        }
        assertThatThrownBy(() -> new NgapCause(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenGroupsAreListed_thenTheyAreTheCauseChoiceInAsn1Order() {
        assertThat(Group.values()).extracting(Group::asn1Name).containsExactly("radioNetwork", "transport", "nas", "protocol", "misc");
        for (Group g : Group.values()) {
            assertThat(g.choiceIndex()).isEqualTo(g.ordinal());
            assertThat(Group.ofAsn1Name(g.asn1Name())).isSameAs(g);
        }
    }

    @Test
    void whenAGroupNameIsNotAnAlternative_thenItIsRejected() {
        assertThatThrownBy(() -> Group.ofAsn1Name("RADIO_NETWORK")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Group.ofAsn1Name("choice-Extensions")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Group.ofAsn1Name(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenACauseIsPrinted_thenItNamesGroupAndValue() {
        assertThat(NgapCause.RADIO_NETWORK_USER_INACTIVITY).hasToString("radioNetwork(20)");
        assertThat(NgapCause.NAS_NORMAL_RELEASE).hasToString("nas(0)");
    }
}
