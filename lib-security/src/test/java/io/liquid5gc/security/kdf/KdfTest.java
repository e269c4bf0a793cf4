package io.liquid5gc.security.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.Vectors;
import io.liquid5gc.security.Vectors.Vector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The TS 33.220 KDF and the TS 33.501 Annex A derivations built on it. */
class KdfTest {
    private static final ServingNetworkName SNN = ServingNetworkName.of("208", "93");
    private static final byte[] K32 = Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    static List<Vector> kdfVectors() {
        return Vectors.load("kdf.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kdfVectors")
    void whenTs33220Vector_thenKdfMatches(Vector v) {
        byte[] out = Kdf.derive(v.hex("key"), Integer.parseInt(v.str("fc"), 16), v.hex("p0"), v.hex("p1"));
        assertThat(Hex.encode(out)).isEqualTo(v.str("out"));
    }

    @Test
    void whenServingNetworkName_thenMncPaddedToThreeDigits() {
        assertThat(ServingNetworkName.of("208", "93").value()).isEqualTo("5G:mnc093.mcc208.3gppnetwork.org");
        assertThat(ServingNetworkName.of("310", "410").value()).isEqualTo("5G:mnc410.mcc310.3gppnetwork.org");
        assertThat(ServingNetworkName.of("001", "01").value()).isEqualTo("5G:mnc001.mcc001.3gppnetwork.org");
        assertThatThrownBy(() -> ServingNetworkName.of("20", "93")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Independent oracle: the JDK's HMAC over S written out octet by octet from the clause. */
    private static byte[] jdkHmac(byte[] key, String sHex) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(Hex.decode(sHex));
    }

    private static String hex(String ascii) {
        return Hex.encode(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static final String SNN_HEX = hex("5G:mnc093.mcc208.3gppnetwork.org"); // 32 octets: L = 0020

    @Test
    void whenKausf_thenSIsFc6aSnnAndSqnXorAk() throws Exception {
        byte[] ck = Arrays.copyOfRange(K32, 0, 16);
        byte[] ik = Arrays.copyOfRange(K32, 16, 32);
        byte[] sqnXorAk = Hex.decode("a1a2a3a4a5a6");
        assertThat(KeyHierarchy.kausf(ck, ik, SNN, sqnXorAk))
            .isEqualTo(jdkHmac(K32, "6a" + SNN_HEX + "0020" + "a1a2a3a4a5a6" + "0006"));
    }

    @Test
    void whenResStar_thenLast16OctetsOfKdfWithRandAndRes() throws Exception {
        byte[] rand = Hex.decode("23553cbe9637a89d218ae64dae47bf35");
        byte[] res = Hex.decode("a54211d5e3ba50bf");
        byte[] full = jdkHmac(K32, "6b" + SNN_HEX + "0020" + "23553cbe9637a89d218ae64dae47bf35" + "0010"
            + "a54211d5e3ba50bf" + "0008");
        assertThat(KeyHierarchy.resStar(Arrays.copyOfRange(K32, 0, 16), Arrays.copyOfRange(K32, 16, 32), SNN, rand, res))
            .isEqualTo(Arrays.copyOfRange(full, 16, 32));
    }

    @Test
    void whenHresStar_thenLast16OctetsOfSha256OfRandAndResStar() throws Exception {
        byte[] rand = Hex.decode("23553cbe9637a89d218ae64dae47bf35");
        byte[] resStar = Hex.decode("000102030405060708090a0b0c0d0e0f");
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Hex.decode(
            "23553cbe9637a89d218ae64dae47bf35000102030405060708090a0b0c0d0e0f"));
        assertThat(KeyHierarchy.hresStar(rand, resStar)).isEqualTo(Arrays.copyOfRange(sha, 16, 32));
    }

    @Test
    void whenKseafKamfAndNasKeys_thenClauseParametersAreUsed() throws Exception {
        assertThat(KeyHierarchy.kseaf(K32, SNN)).isEqualTo(jdkHmac(K32, "6c" + SNN_HEX + "0020"));
        assertThat(KeyHierarchy.kamf(K32, "208930000000001", KeyHierarchy.DEFAULT_ABBA))
            .isEqualTo(jdkHmac(K32, "6d" + hex("208930000000001") + "000f" + "0000" + "0002"));
        byte[] encFull = jdkHmac(K32, "69" + "01" + "0001" + "02" + "0001");
        byte[] intFull = jdkHmac(K32, "69" + "02" + "0001" + "02" + "0001");
        NasKeys keys = KeyHierarchy.nasKeys(K32, 2, 2);
        assertThat(keys.encryptionKey()).isEqualTo(Arrays.copyOfRange(encFull, 16, 32));
        assertThat(keys.integrityKey()).isEqualTo(Arrays.copyOfRange(intFull, 16, 32));
        assertThat(keys.toString()).doesNotContain(Hex.encode(keys.integrityKey()));
    }

    @Test
    void whenKgnbNhAndKamfPrime_thenClauseParametersAreUsed() throws Exception {
        assertThat(KeyHierarchy.kgnb(K32, 0x01020304L, AccessType.THREE_GPP))
            .isEqualTo(jdkHmac(K32, "6e" + "01020304" + "0004" + "01" + "0001"));
        byte[] sync = Hex.decode("ff".repeat(32));
        assertThat(KeyHierarchy.nh(K32, sync)).isEqualTo(jdkHmac(K32, "6f" + "ff".repeat(32) + "0020"));
        assertThat(KeyHierarchy.kamfPrime(K32, 1, 5))
            .isEqualTo(jdkHmac(K32, "72" + "01" + "0001" + "00000005" + "0004"));
    }

    @Test
    void whenBadLengths_thenRejected() {
        assertThatThrownBy(() -> KeyHierarchy.kseaf(new byte[16], SNN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyHierarchy.algorithmKey(K32, AlgorithmTypeDistinguisher.N_NAS_INT, 16))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyHierarchy.kgnb(K32, 1L << 32, AccessType.THREE_GPP))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenDistinguisherCodes_thenReverseLookupWorks() {
        for (AlgorithmTypeDistinguisher d : AlgorithmTypeDistinguisher.values()) {
            assertThat(AlgorithmTypeDistinguisher.fromCode(d.code())).isSameAs(d);
        }
        assertThat(AlgorithmTypeDistinguisher.fromCode(0)).isNull();
        assertThat(AccessType.fromCode(2)).isSameAs(AccessType.NON_THREE_GPP);
    }
}
