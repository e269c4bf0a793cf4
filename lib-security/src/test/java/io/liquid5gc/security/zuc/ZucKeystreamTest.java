package io.liquid5gc.security.zuc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Vectors;
import io.liquid5gc.security.Vectors.Vector;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ZUC keystream test sets (vectors/zuc.txt), checking the word order of the engine we build on. */
class ZucKeystreamTest {
    static List<Vector> sets() {
        return Vectors.load("zuc.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void whenZucTestSet_thenFirstTwoWordsMatch(Vector v) {
        ZucKeystream z = new ZucKeystream(v.hex("key"), v.hex("iv"));
        assertThat(String.format("%08x", z.next())).isEqualTo(v.str("z1"));
        assertThat(String.format("%08x", z.next())).isEqualTo(v.str("z2"));
    }
}
