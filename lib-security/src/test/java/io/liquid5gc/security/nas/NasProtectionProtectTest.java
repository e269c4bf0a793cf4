package io.liquid5gc.security.nas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link NasProtection#protect}: cipher in place, then the NAS-MAC over sequence number and message as sent. */
class NasProtectionProtectTest {

    private static final byte[] KENC = Hex.decode("d3c5d592327fb11c4035c6680af8c6d1");
    private static final byte[] KINT = Hex.decode("2bd6459f82c5b300952c49104881ff48");

    @Test
    void whenProtectedWithCiphering_thenTheReceiverVerifiesAndDeciphersIt() {
        NasProtection sender = new NasProtection(CipheringAlgorithm.NEA2, KENC, IntegrityAlgorithm.NIA2, KINT);
        byte[] plain = Hex.decode("7e005e7700093573802138104210");
        byte[] message = plain.clone();
        int count = 0x0102; // overflow 1, sequence number 2
        byte[] mac = sender.protect(count, Direction.DOWNLINK, message, true);
        assertThat(message).isNotEqualTo(plain);

        byte[] macInput = new byte[message.length + 1];
        macInput[0] = 0x02;
        System.arraycopy(message, 0, macInput, 1, message.length);
        NasProtection receiver = new NasProtection(CipheringAlgorithm.NEA2, KENC, IntegrityAlgorithm.NIA2, KINT);
        assertThat(receiver.verify(count, Direction.DOWNLINK, macInput, 0, macInput.length, mac, 0)).isTrue();
        assertThat(receiver.verify(count, Direction.UPLINK, macInput, 0, macInput.length, mac, 0)).isFalse();
        assertThat(receiver.verify(count + 1, Direction.DOWNLINK, macInput, 0, macInput.length, mac, 0)).isFalse();
        receiver.cipher(count, Direction.DOWNLINK, message, 0, message.length);
        assertThat(message).isEqualTo(plain);
    }

    @Test
    void whenProtectedWithoutCiphering_thenTheMessageIsUnchanged() {
        NasProtection p = new NasProtection(CipheringAlgorithm.NEA2, KENC, IntegrityAlgorithm.NIA2, KINT);
        byte[] plain = Hex.decode("7e005d220104f0f0f0f0e138020000");
        byte[] message = plain.clone();
        byte[] mac = p.protect(0, Direction.DOWNLINK, message, false);
        assertThat(message).isEqualTo(plain);
        assertThat(Arrays.equals(mac, new byte[4])).isFalse();
    }
}
