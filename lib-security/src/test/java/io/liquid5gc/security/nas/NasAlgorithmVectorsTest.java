package io.liquid5gc.security.nas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.Vectors;
import io.liquid5gc.security.Vectors.Vector;
import io.liquid5gc.security.snow3g.Uea2;
import io.liquid5gc.security.snow3g.Uia2;
import io.liquid5gc.security.zuc.Eea3;
import io.liquid5gc.security.zuc.Eia3;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 128-NEA1/2/3 and 128-NIA1/2/3 against the published test sets (sources in each vectors/*.txt header), at the
 * exact bit lengths, and through {@link NasSecurity} when the length is whole octets.
 */
class NasAlgorithmVectorsTest {

    interface Cipher {
        void crypt(byte[] key, int count, int bearer, int direction, byte[] data, int off, long bits);
    }

    interface Integrity {
        int mac(byte[] key, int count, int bearer, int direction, byte[] msg, int off, long bits);
    }

    static Stream<Vector> nea1() {
        return Vectors.load("nea1.txt").stream();
    }

    static Stream<Vector> nea2() {
        return Vectors.load("nea2.txt").stream();
    }

    static Stream<Vector> nea3() {
        return Vectors.load("nea3.txt").stream();
    }

    static Stream<Vector> nia1() {
        return Vectors.load("nia1.txt").stream();
    }

    static Stream<Vector> nia2() {
        return Vectors.load("nia2.txt").stream();
    }

    static Stream<Vector> nia3() {
        return Vectors.load("nia3.txt").stream();
    }

    private static void checkCipher(Vector v, Cipher c, CipheringAlgorithm alg) {
        long bits = v.num("length");
        byte[] key = v.hex("key");
        int count = v.hexInt("count");
        int bearer = Integer.parseInt(v.str("bearer"), 16);
        int dir = Integer.parseInt(v.str("direction"));
        byte[] data = v.hex("plaintext");
        c.crypt(key, count, bearer, dir, data, 0, bits);
        assertThat(Hex.encode(Vectors.maskBits(data, bits)))
            .isEqualTo(Hex.encode(Vectors.maskBits(v.hex("ciphertext"), bits)));
        // and back
        c.crypt(key, count, bearer, dir, data, 0, bits);
        assertThat(Hex.encode(data)).isEqualTo(Hex.encode(Vectors.maskBits(v.hex("plaintext"), bits)));
        if (bits % 8 == 0) {
            byte[] framed = new byte[data.length + 3];
            System.arraycopy(v.hex("plaintext"), 0, framed, 3, data.length);
            NasSecurity.cipher(alg, key, count, bearer, Direction.fromBit(dir), framed, 3, data.length);
            assertThat(Hex.encode(framed, 3, data.length)).isEqualTo(v.str("ciphertext"));
        }
    }

    private static void checkMac(Vector v, Integrity i, IntegrityAlgorithm alg) {
        long bits = v.num("length");
        byte[] key = v.hex("key");
        int count = v.hexInt("count");
        int bearer = Integer.parseInt(v.str("bearer"), 16);
        int dir = Integer.parseInt(v.str("direction"));
        byte[] msg = v.hex("message");
        assertThat(String.format("%08x", i.mac(key, count, bearer, dir, msg, 0, bits))).isEqualTo(v.str("mac"));
        if (bits % 8 == 0) {
            byte[] mac = Hex.decode(v.str("mac"));
            assertThat(NasSecurity.verify(alg, key, count, bearer, Direction.fromBit(dir), msg, 0, msg.length, mac, 0))
                .isTrue();
            mac[3] ^= 1;
            assertThat(NasSecurity.verify(alg, key, count, bearer, Direction.fromBit(dir), msg, 0, msg.length, mac, 0))
                .isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nea1")
    void whenNea1Vector_thenCiphertextMatches(Vector v) {
        checkCipher(v, Uea2::f8, CipheringAlgorithm.NEA1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nea2")
    void whenNea2Vector_thenCiphertextMatches(Vector v) {
        checkCipher(v, Nea2::crypt, CipheringAlgorithm.NEA2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nea3")
    void whenNea3Vector_thenCiphertextMatches(Vector v) {
        checkCipher(v, Eea3::crypt, CipheringAlgorithm.NEA3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nia1")
    void whenNia1Vector_thenMacMatches(Vector v) {
        if (v.has("fresh")) {
            // raw UIA2 test set: COUNT-I, FRESH, DIRECTION
            long bits = v.num("length");
            int mac = Uia2.f9(v.hex("key"), v.hexInt("count"), v.hexInt("fresh"),
                Integer.parseInt(v.str("direction")), v.hex("message"), 0, bits);
            assertThat(String.format("%08x", mac)).isEqualTo(v.str("mac"));
        } else {
            // 128-EIA1: FRESH = BEARER || 0^27 (TS 33.401 B.2.2)
            checkMac(v, (k, c, b, d, m, o, n) -> Uia2.f9(k, c, b << 27, d, m, o, n), IntegrityAlgorithm.NIA1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nia2")
    void whenNia2Vector_thenMacMatches(Vector v) {
        checkMac(v, Nia2::mac, IntegrityAlgorithm.NIA2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nia3")
    void whenNia3Vector_thenMacMatches(Vector v) {
        checkMac(v, Eia3::mac, IntegrityAlgorithm.NIA3);
    }

    static List<Vector> cmac() {
        return Vectors.load("cmac.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cmac")
    void whenRfc4493Example_thenCmacMatches(Vector v) {
        byte[] msg = v.hex("message");
        byte[] tag = new AesCmac(v.hex("key")).tag(new byte[0], msg, 0, msg.length * 8L);
        assertThat(Hex.encode(tag)).isEqualTo(v.str("tag"));
    }
}
