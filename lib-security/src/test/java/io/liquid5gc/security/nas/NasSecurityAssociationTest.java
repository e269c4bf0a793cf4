package io.liquid5gc.security.nas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import org.junit.jupiter.api.Test;

/**
 * {@link NasSecurityAssociation}: the two ends of one NAS security context talk to each other; the MACs are checked
 * against the stateless {@link NasSecurity} (itself checked against the TS 33.501 / TS 35.2xx vectors).
 */
class NasSecurityAssociationTest {

    private static final byte[] KENC = Hex.decode("d3c5d592327fb11c4035c6680af8c6d1");
    private static final byte[] KINT = Hex.decode("2bd6459f82c5b300952c49104881ff48");
    private static final byte[] PLAIN = Hex.decode("7e005e7700093573802138104210");

    private static NasProtection keys() {
        return new NasProtection(CipheringAlgorithm.NEA2, KENC, IntegrityAlgorithm.NIA2, KINT);
    }

    /** What the wire carries after the header: sequence number and (ciphered) message, and the MAC. */
    private record Sent(int sequenceNumber, byte[] message, byte[] mac) {
        byte[] macInput() {
            byte[] in = new byte[message.length + 1];
            in[0] = (byte) sequenceNumber;
            System.arraycopy(message, 0, in, 1, message.length);
            return in;
        }
    }

    private static Sent send(NasSecurityAssociation from, boolean cipher) {
        byte[] message = PLAIN.clone();
        NasSecurityAssociation.Protected p = from.protect(message, cipher);
        return new Sent(p.sequenceNumber(), message, p.mac());
    }

    private static NasSecurityAssociation.Unprotected receive(NasSecurityAssociation at, Sent s, boolean ciphered) {
        return at.unprotect(s.sequenceNumber(), s.macInput(), s.mac(), s.message(), ciphered);
    }

    @Test
    void whenTheNetworkProtectsACipheredMessage_thenTheUeVerifiesAndDeciphersItWithTheStatelessMac() {
        NasSecurityAssociation network = NasSecurityAssociation.network(keys());
        NasSecurityAssociation ue = NasSecurityAssociation.ue(keys());

        Sent first = send(network, true);
        Sent second = send(network, true);

        assertThat(first.message()).isNotEqualTo(PLAIN);
        assertThat(first.mac()).isEqualTo(NasSecurity.mac(IntegrityAlgorithm.NIA2, KINT, 0, Direction.DOWNLINK, first.macInput()));
        assertThat(second.mac()).isEqualTo(NasSecurity.mac(IntegrityAlgorithm.NIA2, KINT, 1, Direction.DOWNLINK, second.macInput()));
        assertThat(network.sendCount()).isEqualTo(2);
        assertThat(receive(ue, first, true)).isInstanceOfSatisfying(NasSecurityAssociation.Accepted.class, a -> {
            assertThat(a.count()).isZero();
            assertThat(a.message()).isEqualTo(PLAIN);
        });
        assertThat(receive(ue, second, true)).isInstanceOf(NasSecurityAssociation.Accepted.class);
        assertThat(ue.lastReceivedCount()).isEqualTo(1);
    }

    @Test
    void whenTheUeSendsUplink_thenTheNetworkChecksItWithTheUplinkDirection() {
        NasSecurityAssociation network = NasSecurityAssociation.network(keys());
        NasSecurityAssociation ue = NasSecurityAssociation.ue(keys());

        Sent up = send(ue, false);

        assertThat(up.message()).isEqualTo(PLAIN);
        assertThat(up.mac()).isEqualTo(NasSecurity.mac(IntegrityAlgorithm.NIA2, KINT, 0, Direction.UPLINK, up.macInput()));
        assertThat(receive(network, up, false)).isInstanceOf(NasSecurityAssociation.Accepted.class);
        // the same bytes taken as downlink do not verify: the direction is part of the MAC
        assertThat(receive(NasSecurityAssociation.ue(keys()), up, false)).isInstanceOf(NasSecurityAssociation.IntegrityFailure.class);
    }

    @Test
    void whenAMessageIsReceivedTwice_thenTheSecondIsAReplayAndNothingChanges() {
        NasSecurityAssociation network = NasSecurityAssociation.network(keys());
        NasSecurityAssociation ue = NasSecurityAssociation.ue(keys());
        Sent s = send(ue, true);

        assertThat(receive(network, s, true)).isInstanceOf(NasSecurityAssociation.Accepted.class);
        assertThat(receive(network, s, true)).isEqualTo(new NasSecurityAssociation.Replayed(0, 0));
        assertThat(network.lastReceivedCount()).isZero();
    }

    @Test
    void whenTheSequenceNumberWraps_thenTheOverflowCounterSteps() {
        NasSecurityAssociation network = NasSecurityAssociation.network(keys(), 255, -1);
        NasSecurityAssociation ue = NasSecurityAssociation.ue(keys());

        Sent at255 = send(network, true);
        Sent at256 = send(network, true);

        assertThat(at256.sequenceNumber()).isZero();
        assertThat(receive(ue, at255, true)).isInstanceOf(NasSecurityAssociation.Accepted.class);
        assertThat(ue.estimateReceiveCount(0)).isEqualTo(256);
        assertThat(ue.estimateReceiveCount(254)).isEqualTo(510); // below the last: wrapped
        assertThat(ue.estimateReceiveCount(255)).isEqualTo(255); // the same: a replay
        assertThat(receive(ue, at256, true)).isInstanceOfSatisfying(NasSecurityAssociation.Accepted.class, a -> {
            assertThat(a.count()).isEqualTo(256);
            assertThat(a.message()).isEqualTo(PLAIN);
        });
    }

    @Test
    void whenTheMacIsWrong_thenItIsAnIntegrityFailureAndTheNextGenuineMessageIsStillAccepted() {
        NasSecurityAssociation network = NasSecurityAssociation.network(keys());
        NasSecurityAssociation ue = NasSecurityAssociation.ue(keys());
        Sent s = send(ue, true);
        byte[] badMac = s.mac().clone();
        badMac[3] ^= 1;

        assertThat(network.unprotect(s.sequenceNumber(), s.macInput(), badMac, s.message(), true))
                .isEqualTo(new NasSecurityAssociation.IntegrityFailure(0));
        assertThat(network.lastReceivedCount()).isEqualTo(-1);
        assertThat(receive(network, s, true)).isInstanceOf(NasSecurityAssociation.Accepted.class);
    }
}
