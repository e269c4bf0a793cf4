package io.liquid5gc.security.milenage;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.Vectors;
import io.liquid5gc.security.Vectors.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Milenage against the TS 35.208 test sets (vectors/milenage.txt). */
class MilenageTest {

    static List<Vector> sets() {
        return Vectors.load("milenage.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void whenTs35208Set_thenOpcMatches(Vector v) {
        assertThat(Hex.encode(Milenage.computeOpc(v.hex("k"), v.hex("op")))).isEqualTo(v.str("opc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void whenTs35208Set_thenF1ToF5StarMatch(Vector v) {
        Milenage m = Milenage.withOpc(v.hex("k"), v.hex("opc"));
        byte[] rand = v.hex("rand");
        assertThat(Hex.encode(m.f1(rand, v.hex("sqn"), v.hex("amf")))).isEqualTo(v.str("f1"));
        assertThat(Hex.encode(m.f1Star(rand, v.hex("sqn"), v.hex("amf")))).isEqualTo(v.str("f1star"));
        MilenageResult r = m.f2345(rand);
        assertThat(Hex.encode(r.res())).isEqualTo(v.str("f2"));
        assertThat(Hex.encode(r.ck())).isEqualTo(v.str("f3"));
        assertThat(Hex.encode(r.ik())).isEqualTo(v.str("f4"));
        assertThat(Hex.encode(r.ak())).isEqualTo(v.str("f5"));
        assertThat(Hex.encode(m.f5(rand))).isEqualTo(v.str("f5"));
        assertThat(Hex.encode(m.f5Star(rand))).isEqualTo(v.str("f5star"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void whenBuiltFromOp_thenSameAsFromOpc(Vector v) {
        Milenage fromOp = Milenage.withOp(v.hex("k"), v.hex("op"));
        assertThat(Hex.encode(fromOp.opc())).isEqualTo(v.str("opc"));
        assertThat(Hex.encode(fromOp.f2345(v.hex("rand")).res())).isEqualTo(v.str("f2"));
    }

    @Test
    void whenResultPrinted_thenNoKeyMaterial() {
        Vector v = sets().get(0);
        MilenageResult r = Milenage.withOpc(v.hex("k"), v.hex("opc")).f2345(v.hex("rand"));
        assertThat(r.toString()).doesNotContain(v.str("f3")).contains("redacted");
    }
}
