package io.liquid5gc.security.nas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.Hex;
import java.util.Random;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.macs.Zuc128Mac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The NasSecurity API, and cross-checks of NIA2/NIA3 against Bouncy Castle's independent CMac and Zuc128Mac. */
class NasSecurityTest {
    private static final byte[] KEY = Hex.decode("d3c5d592327fb11c4035c6680af8c6d1");

    @Test
    void whenAlgorithmCodes_thenReverseLookupWorks() {
        for (CipheringAlgorithm a : CipheringAlgorithm.values()) {
            assertThat(CipheringAlgorithm.fromCode(a.code())).isSameAs(a);
        }
        for (IntegrityAlgorithm a : IntegrityAlgorithm.values()) {
            assertThat(IntegrityAlgorithm.fromCode(a.code())).isSameAs(a);
        }
        assertThat(CipheringAlgorithm.fromCode(4)).isNull();
        assertThat(IntegrityAlgorithm.fromCode(-1)).isNull();
        assertThat(IntegrityAlgorithm.NIA2.code()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(CipheringAlgorithm.class)
    void whenCipheredTwice_thenPlaintextBack(CipheringAlgorithm alg) {
        byte[] msg = new byte[100];
        new Random(1).nextBytes(msg);
        byte[] data = msg.clone();
        NasSecurity.cipher(alg, KEY, 7, Direction.DOWNLINK, data);
        if (alg != CipheringAlgorithm.NEA0) {
            assertThat(data).isNotEqualTo(msg);
        }
        NasSecurity.cipher(alg, KEY, 7, Direction.DOWNLINK, data);
        assertThat(data).isEqualTo(msg);
    }

    @ParameterizedTest
    @EnumSource(value = IntegrityAlgorithm.class, names = {"NIA1", "NIA2", "NIA3"})
    void whenCountDirectionOrMessageChange_thenMacChanges(IntegrityAlgorithm alg) {
        byte[] msg = Hex.decode("7e00560102000021");
        byte[] mac = NasSecurity.mac(alg, KEY, 1, Direction.UPLINK, msg);
        assertThat(NasSecurity.mac(alg, KEY, 2, Direction.UPLINK, msg)).isNotEqualTo(mac);
        assertThat(NasSecurity.mac(alg, KEY, 1, Direction.DOWNLINK, msg)).isNotEqualTo(mac);
        msg[3] ^= 1;
        assertThat(NasSecurity.mac(alg, KEY, 1, Direction.UPLINK, msg)).isNotEqualTo(mac);
    }

    @Test
    void whenNia0_thenMacIsZeroAndVerifyDefersToCaller() {
        byte[] msg = {1, 2, 3};
        assertThat(NasSecurity.mac(IntegrityAlgorithm.NIA0, KEY, 0, Direction.UPLINK, msg)).containsExactly(0, 0, 0, 0);
        assertThat(NasSecurity.verify(IntegrityAlgorithm.NIA0, KEY, 0, 0, Direction.UPLINK, msg, 0, 3, new byte[4], 0))
            .isTrue();
    }

    @Test
    void whenByteAlignedMessages_thenNia2EqualsBouncyCastleCmac() {
        Random r = new Random(42);
        for (int len = 0; len < 80; len++) {
            byte[] msg = new byte[len];
            r.nextBytes(msg);
            int count = r.nextInt();
            int bearer = r.nextInt(32);
            int dir = r.nextInt(2);
            byte[] m = new byte[8 + len];
            Bytes.putInt(m, 0, count);
            m[4] = (byte) (bearer << 3 | dir << 2);
            System.arraycopy(msg, 0, m, 8, len);
            CMac cmac = new CMac(AESEngine.newInstance());
            cmac.init(new KeyParameter(KEY));
            cmac.update(m, 0, m.length);
            byte[] t = new byte[16];
            cmac.doFinal(t, 0);
            assertThat(Nia2.mac(KEY, count, bearer, dir, msg, 0, len * 8L)).as("len " + len).isEqualTo(Bytes.getInt(t, 0));
        }
    }

    /** TS 35.221 4.3: the EIA3 IV, built here independently and fed to Bouncy Castle's Zuc128Mac. */
    @Test
    void whenByteAlignedMessages_thenNia3EqualsBouncyCastleZuc128Mac() {
        Random r = new Random(7);
        for (int len = 0; len < 80; len++) {
            byte[] msg = new byte[len];
            r.nextBytes(msg);
            int count = r.nextInt();
            int bearer = r.nextInt(32);
            int dir = r.nextInt(2);
            byte[] iv = new byte[16];
            Bytes.putInt(iv, 0, count);
            iv[4] = (byte) (bearer << 3);
            Bytes.putInt(iv, 8, count);
            iv[8] ^= (byte) (dir << 7);
            iv[12] = (byte) (bearer << 3);
            iv[14] ^= (byte) (dir << 7);
            Zuc128Mac bc = new Zuc128Mac();
            bc.init(new ParametersWithIV(new KeyParameter(KEY), iv));
            bc.update(msg, 0, len);
            byte[] t = new byte[4];
            bc.doFinal(t, 0);
            assertThat(NasSecurity.mac(IntegrityAlgorithm.NIA3, KEY, count, bearer, Direction.fromBit(dir), msg, 0, len))
                .as("len " + len).isEqualTo(Bytes.getInt(t, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(IntegrityAlgorithm.class)
    void whenKeyedProtection_thenSameAsStatelessApiAcrossManyMessages(IntegrityAlgorithm nia) {
        byte[] kEnc = Hex.decode("2bd6459f82c5b300952c49104881ff48");
        for (CipheringAlgorithm nea : CipheringAlgorithm.values()) {
            NasProtection p = new NasProtection(nea, kEnc, nia, KEY);
            Random r = new Random(nia.code() * 10 + nea.code());
            for (int i = 0; i < 50; i++) {
                byte[] msg = new byte[r.nextInt(120)];
                r.nextBytes(msg);
                Direction dir = Direction.fromBit(i & 1);
                assertThat(p.mac(i, dir, msg, 0, msg.length))
                    .isEqualTo(NasSecurity.mac(nia, KEY, i, NasSecurity.BEARER_3GPP, dir, msg, 0, msg.length));
                byte[] a = msg.clone();
                byte[] b = msg.clone();
                p.cipher(i, dir, a, 0, a.length);
                NasSecurity.cipher(nea, kEnc, i, NasSecurity.BEARER_3GPP, dir, b, 0, b.length);
                assertThat(a).isEqualTo(b);
            }
            assertThat(p.toString()).doesNotContain(Hex.encode(KEY));
        }
    }

    @Test
    void whenLongMessage_thenNea3HasNoKeystreamLimit() {
        byte[] big = new byte[20_000];
        NasSecurity.cipher(CipheringAlgorithm.NEA3, KEY, 1, Direction.UPLINK, big);
        NasSecurity.cipher(CipheringAlgorithm.NEA3, KEY, 1, Direction.UPLINK, big);
        assertThat(big).containsOnly(0);
        assertThat(NasSecurity.mac(IntegrityAlgorithm.NIA3, KEY, 1, Direction.UPLINK, big)).hasSize(4);
    }
}
