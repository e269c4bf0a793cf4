package io.liquid5gc.evaluation.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The N2 relay over real UDP sockets: clean, then lossy, duplicating and reordering as told, both ways. */
class N2RelayTest {

    @Test
    void whenNotImpaired_thenEveryDatagramArrivesOnceInOrderBothWays() throws Exception {
        try (DatagramSocket core = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             N2Relay relay = N2Relay.start((InetSocketAddress) core.getLocalSocketAddress(), 1);
             DatagramSocket gnb = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int i = 0; i < 50; i++) {
                send(gnb, relay.address(), i);
            }
            List<Integer> atCore = receive(core, 50);
            assertThat(atCore).containsExactlyElementsOf(range(50));
            DatagramPacket last = new DatagramPacket(new byte[4], 4);
            send(gnb, relay.address(), 99);
            core.receive(last);
            send(core, (InetSocketAddress) last.getSocketAddress(), 7);
            assertThat(receive(gnb, 1)).containsExactly(7);
        }
    }

    @Test
    void whenImpaired_thenSomeAreLostDuplicatedAndReorderedAndTheSameSeedRepeats() throws Exception {
        N2Relay.Counts first = impairedRun(5);
        N2Relay.Counts again = impairedRun(5);
        assertThat(again).as("the same seed, the same decisions").isEqualTo(first);
        assertThat(impairedRun(6)).isNotEqualTo(first);
    }

    @Test
    void whenProbabilitiesAreOutOfRange_thenTheImpairmentIsRefused() {
        assertThatThrownBy(() -> new N2Impairment(0.6, 0.5, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed 1");
        assertThatThrownBy(() -> new N2Impairment(-0.1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** 200 datagrams at 10 % each of loss, duplication and reordering: what arrived is what the relay counted. */
    private static N2Relay.Counts impairedRun(long seed) throws Exception {
        try (DatagramSocket core = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             N2Relay relay = N2Relay.start((InetSocketAddress) core.getLocalSocketAddress(), seed);
             DatagramSocket gnb = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            relay.impair(new N2Impairment(0.1, 0.1, 0.1));
            for (int i = 0; i < 200; i++) {
                send(gnb, relay.address(), i);
                Thread.sleep(1); // one at a time, so a held one is overtaken by the next
            }
            List<Integer> got = receive(core, 400);
            N2Relay.Counts c = relay.counts();
            assertThat(c.dropped()).isBetween(5L, 40L);
            assertThat(c.duplicated()).isBetween(5L, 40L);
            assertThat(c.reordered()).isBetween(5L, 40L);
            assertThat(got).hasSize((int) (200 - c.dropped() + c.duplicated()));
            assertThat(got.stream().distinct().count()).isEqualTo(200 - c.dropped());
            assertThat(got).as("reordered").isNotEqualTo(got.stream().sorted().toList());
            return c;
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    private static void send(DatagramSocket from, InetSocketAddress to, int value) throws Exception {
        byte[] b = ByteBuffer.allocate(4).putInt(value).array();
        from.send(new DatagramPacket(b, b.length, to));
    }

    /** Up to {@code max} datagrams, until none comes for 500 ms. */
    private static List<Integer> receive(DatagramSocket s, int max) throws Exception {
        List<Integer> got = new ArrayList<>();
        s.setSoTimeout(500);
        try {
            while (got.size() < max) {
                DatagramPacket p = new DatagramPacket(new byte[4], 4);
                s.receive(p);
                got.add(ByteBuffer.wrap(p.getData()).getInt());
            }
        } catch (SocketTimeoutException done) {
            // quiet
        }
        return got;
    }
}
