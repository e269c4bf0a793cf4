package io.liquid5gc.sbi.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.common.PlmnId;
import org.junit.jupiter.api.Test;

class FiveGGutiTest {

    private static final FiveGGuti GUTI = new FiveGGuti(new PlmnId("001", "01"), 0x01, 0x004, 0x00, 0x2a);

    @Test
    void whenAGutiIsFormatted_thenItIsPlmnThenRegionSetPointerThenTmsiInLowerCaseHex() {
        assertThat(GUTI.format()).isEqualTo("00101-0100400-0000002a");
        assertThat(new FiveGGuti(new PlmnId("310", "410"), 0xCA, 0x3F8, 0x3F, 0xFFFFFFFFL).format()).isEqualTo("310410-ca3f83f-ffffffff");
        assertThat(GUTI).hasToString("00101-0100400-0000002a");
    }

    @Test
    void whenAFormattedGutiIsParsed_thenItIsTheSameGuti() {
        for (FiveGGuti g : new FiveGGuti[] {GUTI, new FiveGGuti(new PlmnId("310", "410"), 0xFF, 0x3FF, 0x3F, 0xFFFFFFFFL),
                new FiveGGuti(new PlmnId("999", "99"), 0, 0, 0, 0), new FiveGGuti(new PlmnId("001", "001"), 0x80, 0x200, 0x20, 0x80000000L)}) {
            assertThat(FiveGGuti.parse(g.format())).isEqualTo(g);
        }
        assertThat(FiveGGuti.parse("00101-0100400-0000002a")).isEqualTo(GUTI);
        assertThat(FiveGGuti.parse("310410-ca3f83f-ffffffff").plmn()).isEqualTo(new PlmnId("310", "410"));
    }

    @Test
    void whenTheTextIsNotAGuti_thenParsingFailsNamingIt() {
        for (String bad : new String[] {"", "00101", "00101-0100400", "00101-0100400-0000002a-", "00101-010040-0000002a",
                "00101-0100400-000002a", "0010-0100400-0000002a", "0010101-0100400-0000002a", "00101-0100400-0000002A",
                "00101-01004g0-0000002a", "00101_0100400_0000002a", "00101-+100400-0000002a", "00a01-0100400-0000002a",
                " 00101-0100400-0000002a", "00101-0100400-+000002a"}) {
            assertThatThrownBy(() -> FiveGGuti.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> FiveGGuti.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenSetOrPointerExceedTheirBits_thenParsingFails() {
        // AMF Set ID of 10 bits (at most 3ff), AMF Pointer of 6 bits (at most 3f), TS 23.003 2.10.1
        assertThatThrownBy(() -> FiveGGuti.parse("00101-0140000-0000002a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AMF Set ID");
        assertThatThrownBy(() -> FiveGGuti.parse("00101-0100440-0000002a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AMF Pointer");
    }

    @Test
    void whenAFieldIsOutOfItsRange_thenTheGutiIsNotBuilt() {
        PlmnId plmn = new PlmnId("001", "01");
        assertThatThrownBy(() -> new FiveGGuti(plmn, 0x100, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiveGGuti(plmn, 0, 0x400, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiveGGuti(plmn, 0, 0, 0x40, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiveGGuti(plmn, 0, 0, 0, 0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiveGGuti(plmn, 0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FiveGGuti(null, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
