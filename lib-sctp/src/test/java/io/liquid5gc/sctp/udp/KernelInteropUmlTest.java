package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.UmlVm;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.ChunkType;
import io.liquid5gc.sctp.wire.Decoded;
import io.liquid5gc.sctp.wire.Packet;
import io.liquid5gc.sctp.wire.PacketCodec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Interop with the Linux kernel's SCTP over UDP (RFC 6951), in a User-Mode-Linux guest booted by
 * ../shared/tools/ueransim-vm/run-vm.sh. Runs only where UML and slirp are installed (Assumptions).
 * The guest runs guest_client.py; the host endpoint echoes, and shuts the second association down.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KernelInteropUmlTest {

    @ParameterizedTest(name = "loss {0}")
    @ValueSource(doubles = {0.0, 0.05})
    void whenLinuxKernelConnectsOverUdp_thenAssociationDataHeartbeatsAndShutdownWork(double loss) throws Exception {
        UmlVm.assumeAvailable();

        Recorder rec = new Recorder(false) {
            @Override
            public void onMessage(io.liquid5gc.sctp.Association a, SctpMessage m) {
                if (Arrays.equals(m.payload(), "please-shutdown".getBytes())) {
                    a.shutdown();
                } else {
                    a.trySend(m); // echo on the same stream with the same PPID
                }
                super.onMessage(a, m);
            }
        };
        SctpConfig cfg = SctpConfig.builder().heartbeatInterval(Duration.ofMillis(500)).build();
        // with loss > 0 our outgoing datagrams are dropped at that rate: the kernel must recover via its
        // retransmissions and our SACKs (its packets are captured before they reach the engine)
        CapturingDatagramIo io = new CapturingDatagramIo(new LossyDatagramIo(
                ChannelDatagramIo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), 42, loss, 0, 0));
        Path work = UmlVm.workDir();
        String output;
        try (UdpSctpEndpoint endpoint = UdpSctpEndpoint.builder().datagramIo(io).sctpPort(38412).listen(true)
                .config(cfg).handler(rec).start()) {
            int port = endpoint.localAddress().getPort();
            copy("guest_client.py", work);
            Path script = copy("guest_client.sh", work);
            output = UmlVm.run(work, script, Map.of("ENCAP_PORT", Integer.toString(port)), Duration.ofSeconds(45));
        }
        System.out.println(output);
        Map<String, Integer> chunks = chunkStats(io);
        System.out.println("chunks seen on the host socket: " + chunks);
        PcapWriter.write(Path.of("target", loss == 0 ? "uml-interop.pcap" : "uml-interop-lossy.pcap"), io.captured);

        assertThat(output).contains("guest: connected").contains("guest: echoed 5/5 messages")
                .contains("guest: after idle got b'still-there'").contains("guest: closed first association")
                .contains("guest: host shutdown seen, recv returned b''");
        assertThat(rec.allEvents.stream().filter(AssociationEvent.Up.class::isInstance)).hasSize(2);
        assertThat(rec.allEvents.stream().filter(AssociationEvent.ShutdownComplete.class::isInstance)).hasSize(2);
        assertThat(rec.allEvents.stream().filter(AssociationEvent.CommunicationLost.class::isInstance)).isEmpty();
        // heartbeats both ways, each answered
        assertThat(chunks.getOrDefault("out HEARTBEAT", 0)).isPositive();
        assertThat(chunks.getOrDefault("in HEARTBEAT_ACK", 0)).isPositive();
        assertThat(chunks.getOrDefault("in HEARTBEAT", 0)).isPositive();
        assertThat(chunks.getOrDefault("out HEARTBEAT_ACK", 0)).isPositive();
        assertThat(chunks.getOrDefault("in ABORT", 0) + chunks.getOrDefault("out ABORT", 0)).isZero();
        if (loss == 0) {
            assertThat(chunks.getOrDefault("out HEARTBEAT_ACK", 0)).isEqualTo(chunks.get("in HEARTBEAT"));
        }
    }

    static Map<String, Integer> chunkStats(CapturingDatagramIo io) {
        Map<String, Integer> m = new TreeMap<>();
        PacketCodec codec = new PacketCodec();
        synchronized (io.captured) {
            for (PcapWriter.Datagram d : io.captured) {
                String dir = isLocal(io, d) ? "out" : "in";
                Decoded<Packet> p = codec.decode(d.payload(), 0, d.payload().length);
                if (p instanceof Decoded.Ok<Packet> ok) {
                    Packet pk = ok.value();
                    for (Chunk c : pk.chunks()) {
                        String name = c instanceof Chunk.Unknown u ? "UNKNOWN_" + u.type()
                                : ChunkType.of(c.typeCode()).name();
                        m.merge(dir + " " + name, 1, Integer::sum);
                    }
                } else {
                    m.merge(dir + " undecodable", 1, Integer::sum);
                }
            }
        }
        return m;
    }

    private static boolean isLocal(CapturingDatagramIo io, PcapWriter.Datagram d) {
        return d.from().equals(io.local);
    }

    private static Path copy(String resource, Path dir) throws IOException {
        try (InputStream in = KernelInteropUmlTest.class.getResourceAsStream("/io/liquid5gc/sctp/interop/" + resource)) {
            Path p = dir.resolve(resource);
            Files.copy(in, p);
            return p;
        }
    }
}
