package io.liquid5gc.security.nas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.Vectors;
import io.liquid5gc.security.Vectors.Vector;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.NasKeys;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Milenage;
import io.liquid5gc.security.milenage.MilenageResult;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NAS messages captured from UERANSIM against our core (vectors/ueransim-nas.txt): from the subscriber's K/OPc and
 * the challenge, the whole key chain (KAUSF, KSEAF, KAMF, KNASint/KNASenc) and {@link NasProtection} with its default
 * BEARER must verify the UE's MACs and decipher its messages. With BEARER 0 UERANSIM rejected our Security Mode
 * Command, so the vectors also pin {@link NasSecurity#BEARER_3GPP}.
 */
class UeransimNasVectorsTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final ServingNetworkName SNN = ServingNetworkName.of("001", "01");

    static Stream<Vector> messages() {
        return Vectors.load("ueransim-nas.txt").stream();
    }

    /** The keys of the vector's challenge; {@code bearer} null: the constructor's default (3GPP access). */
    private static NasProtection protection(Vector v, Integer bearer) {
        byte[] rand = v.hex("rand");
        MilenageResult m = Milenage.withOpc(K, OPC).f2345(rand);
        byte[] kausf = KeyHierarchy.kausf(m.ck(), m.ik(), SNN, Arrays.copyOf(v.hex("autn"), 6));
        byte[] kamf = KeyHierarchy.kamf(KeyHierarchy.kseaf(kausf, SNN), "001010000000001", KeyHierarchy.DEFAULT_ABBA);
        NasKeys keys = KeyHierarchy.nasKeys(kamf, CipheringAlgorithm.NEA2.code(), IntegrityAlgorithm.NIA2.code());
        return bearer == null
                ? new NasProtection(CipheringAlgorithm.NEA2, keys.encryptionKey(), IntegrityAlgorithm.NIA2, keys.integrityKey())
                : new NasProtection(CipheringAlgorithm.NEA2, keys.encryptionKey(), IntegrityAlgorithm.NIA2, keys.integrityKey(), bearer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void whenCapturedFromUeransim_thenMacVerifiesAndPlainMessageIsRecovered(Vector v) {
        byte[] pdu = v.hex("pdu");
        Direction dir = v.str("dir").equals("ul") ? Direction.UPLINK : Direction.DOWNLINK;
        int count = pdu[6] & 0xFF;
        byte[] macInput = Arrays.copyOfRange(pdu, 6, pdu.length); // sequence number || message (TS 24.501 4.4.3.3)
        NasProtection keyed = protection(v, null);
        assertThat(keyed.toString()).contains("bearer " + NasSecurity.BEARER_3GPP);
        assertThat(keyed.verify(count, dir, macInput, 0, macInput.length, pdu, 2)).isTrue();
        assertThat(protection(v, 0).verify(count, dir, macInput, 0, macInput.length, pdu, 2)).isFalse();

        byte[] inner = Arrays.copyOfRange(pdu, 7, pdu.length);
        int securityHeaderType = pdu[1] & 0x0F;
        if (securityHeaderType == 2 || securityHeaderType == 4) {
            keyed.cipher(count, dir, inner, 0, inner.length);
        }
        assertThat(Hex.encode(inner)).isEqualTo(v.str("plain"));
    }
}
