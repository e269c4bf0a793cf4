package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wireshark as an independent oracle: our packets, written to a pcap file with IPv4/UDP headers,
 * must dissect as SCTP with good CRC32c checksums and no malformed/expert errors. A corrupted copy
 * must be flagged, so the check can fail.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TsharkDissectionTest {

    static boolean tsharkAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "tshark"))) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the capture holds a chunk of each type (RFC 9260 3.2: type octet, flags, 16-bit length, padded to 4). */
    private static void awaitChunks(CapturingDatagramIo cap, int... types) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            synchronized (cap.captured) {
                for (PcapWriter.Datagram d : cap.captured) {
                    byte[] p = d.payload();
                    for (int off = 12; off + 4 <= p.length; ) {
                        seen.add(p[off] & 0xFF);
                        int len = ((p[off + 2] & 0xFF) << 8) | (p[off + 3] & 0xFF);
                        if (len < 4) {
                            break;
                        }
                        off += (len + 3) & ~3;
                    }
                }
            }
            if (java.util.Arrays.stream(types).allMatch(seen::contains)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void whenOurTrafficIsDissectedByTshark_thenItIsSctpWithGoodChecksumsAndNoErrors() throws Exception {
        Assumptions.assumeTrue(tsharkAvailable(), "tshark not installed (apt-get install -y tshark)");
        SctpConfig cfg = LoopbackTest.FAST.toBuilder().heartbeatInterval(Duration.ofMillis(50)).build();
        Recorder serverRec = new Recorder(true);
        Recorder clientRec = new Recorder(false);
        LossyDatagramIo lossy = new LossyDatagramIo(
                ChannelDatagramIo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), 11, 0.1, 0.05, 0.05);
        CapturingDatagramIo cap = new CapturingDatagramIo(lossy);
        int port;
        try (UdpSctpEndpoint server = UdpSctpEndpoint.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sctpPort(38412).listen(true)
                .config(cfg).handler(serverRec).start();
                UdpSctpEndpoint client = UdpSctpEndpoint.builder().datagramIo(cap).sctpPort(40100).config(cfg)
                        .handler(clientRec).start()) {
            port = server.localAddress().getPort();
            Association a = client.connect(server.localAddress(), 38412).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 40; i++) {
                LossyLoopbackTest.sendBlocking(a, new SctpMessage(i % 3, 60, i % 5 == 0, new byte[i % 10 == 0 ? 5000 : 200]));
            }
            for (int i = 0; i < 40; i++) {
                clientRec.nextMessage(Duration.ofSeconds(20));
            }
            awaitChunks(cap, 4, 5); // a HEARTBEAT and its ACK captured (timing depends on the machine's load)
            a.trySend(SctpMessage.ngap(0, new byte[] {1}));
            a.trySend(new SctpMessage(1, 60, false, new byte[] {1}));
            clientRec.nextMessage(Duration.ofSeconds(5));
            a.abort("test");
            clientRec.awaitEvent(AssociationEvent.CommunicationLost.class, Duration.ofSeconds(5));
        }
        Path pcap = Path.of("target", "sctp-udp-loopback.pcap");
        PcapWriter.write(pcap, cap.captured);
        String out = tshark(pcap, port, "-V");
        assertThat(out).contains("Stream Control Transmission Protocol").contains("INIT chunk").contains("INIT_ACK chunk")
                .contains("COOKIE_ECHO chunk").contains("COOKIE_ACK chunk").contains("DATA chunk").contains("SACK chunk")
                .contains("HEARTBEAT chunk").contains("HEARTBEAT_ACK chunk").contains("ABORT chunk")
                .contains("Checksum Status: Good").doesNotContain("Checksum Status: Bad").doesNotContain("Malformed");
        String expert = tshark(pcap, port, "-z", "expert,error", "-q");
        assertThat(expert).doesNotContain("Error").doesNotContain("Malformed");

        // the oracle can fail: flip a byte of one SCTP packet's checksum
        List<PcapWriter.Datagram> bad = new ArrayList<>(cap.captured);
        PcapWriter.Datagram first = bad.getFirst();
        byte[] p = first.payload().clone();
        p[8] ^= 0x5A;
        bad.set(0, new PcapWriter.Datagram(first.timeNanos(), first.from(), first.to(), p));
        Path badPcap = Path.of("target", "sctp-udp-corrupted.pcap");
        PcapWriter.write(badPcap, bad);
        assertThat(tshark(badPcap, port, "-V")).contains("Checksum Status: Bad");
    }

    static String tshark(Path pcap, int port, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-d", "udp.port==" + port + ",sctp",
                "-o", "sctp.checksum:CRC 32c", "--disable-protocol", "ngap"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
