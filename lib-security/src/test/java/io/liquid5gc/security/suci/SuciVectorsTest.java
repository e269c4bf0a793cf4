package io.liquid5gc.security.suci;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.Vectors;
import io.liquid5gc.security.Vectors.Vector;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ECIES Profiles A and B against TS 33.501 Annex C.4 (vectors/suci.txt), intermediate values included. */
class SuciVectorsTest {

    static List<Vector> sets() {
        return Vectors.load("suci.txt");
    }

    private static SuciScheme scheme(Vector v) {
        return SuciScheme.fromCode(Integer.parseInt(v.str("scheme")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void whenC4Vector_thenPublicKeysAndSharedSecretMatch(Vector v) {
        SuciScheme s = scheme(v);
        byte[] hnPubCompressed = v.has("hnpubc") ? v.hex("hnpubc") : v.hex("hnpub");
        assertThat(Hex.encode(Ecies.publicKey(s, v.hex("hnpriv")))).isEqualTo(Hex.encode(hnPubCompressed));
        assertThat(Hex.encode(Ecies.publicKey(s, v.hex("ephpriv")))).isEqualTo(v.str("ephpub"));
        // both sides of the ECDH agree on the published shared key
        assertThat(Hex.encode(Ecies.sharedSecret(s, v.hex("ephpriv"), v.hex("hnpub")))).isEqualTo(v.str("shared"));
        assertThat(Hex.encode(Ecies.sharedSecret(s, v.hex("hnpriv"), v.hex("ephpub")))).isEqualTo(v.str("shared"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void whenC4Vector_thenKdfKeysMatch(Vector v) {
        Ecies.DerivedKeys k = Ecies.kdf(v.hex("shared"), v.hex("ephpub"));
        assertThat(Hex.encode(k.encKey())).isEqualTo(v.str("ek"));
        if (v.has("icb")) {
            assertThat(Hex.encode(k.icb())).isEqualTo(v.str("icb"));
        }
        assertThat(Hex.encode(k.macKey())).isEqualTo(v.str("mk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void whenC4Vector_thenEncryptionGivesCiphertextAndTag(Vector v) {
        SuciScheme s = scheme(v);
        byte[] out = Ecies.encrypt(s, v.hex("hnpub"), v.hex("ephpriv"), v.hex("plaintext"));
        String expected = v.str("ephpub") + v.str("ciphertext") + v.str("mac");
        assertThat(Hex.encode(out)).isEqualTo(expected);
        if (v.has("output")) {
            assertThat(Hex.encode(out)).isEqualTo(v.str("output"));
        }
        Object plain = Ecies.decrypt(s, v.hex("hnpriv"), Hex.decode(expected));
        assertThat(plain).isInstanceOf(byte[].class);
        assertThat(Hex.encode((byte[]) plain)).isEqualTo(v.str("plaintext"));
    }
}
