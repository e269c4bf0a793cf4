package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.UmlVm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real UERANSIM nr-gnb (kernel SCTP over UDP in the UML guest) opens its N2 association to our
 * endpoint and sends NGSetupRequest with PPID 60. Nothing answers the NGAP here (that is the proxy's
 * job); the test checks the transport. Runs only with UML and a UERANSIM build given by the
 * UERANSIM_BIN environment variable (or -Dueransim.bin), built outside the project.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class UeransimGnbInteropTest {

    @Test
    void whenUeransimGnbStarts_thenItsAssociationComesUpAndNgSetupRequestArrives() throws Exception {
        UmlVm.assumeAvailable();
        String bin = System.getProperty("ueransim.bin", System.getenv("UERANSIM_BIN"));
        Assumptions.assumeTrue(bin != null && Files.isExecutable(Path.of(bin, "nr-gnb")),
                "UERANSIM not built (set UERANSIM_BIN to a folder with nr-gnb)");
        Recorder rec = new Recorder(false);
        CapturingDatagramIo io = new CapturingDatagramIo(
                ChannelDatagramIo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        Path work = UmlVm.workDir();
        String out;
        int port;
        try (UdpSctpEndpoint endpoint = UdpSctpEndpoint.builder().datagramIo(io).sctpPort(38412).listen(true)
                .config(SctpConfig.builder().heartbeatInterval(Duration.ofSeconds(2)).build()).handler(rec).start()) {
            port = endpoint.localAddress().getPort();
            ProcessBuilder pb = new ProcessBuilder(UmlVm.runVm().toString(), "gnb").redirectErrorStream(true)
                    .redirectOutput(work.resolve("vm.log").toFile());
            pb.environment().putAll(Map.of("UERANSIM_BIN", bin, "ENCAP_PORT", Integer.toString(port), "SECS", "8",
                    "OUT_DIR", work.resolve("out").toString()));
            Process vm = pb.start();
            assertThat(vm.waitFor(60, TimeUnit.SECONDS)).isTrue();
            out = Files.readString(work.resolve("vm.log"));
        }
        System.out.println(out);
        PcapWriter.write(Path.of("target", "uml-ueransim-gnb.pcap"), io.captured);
        System.out.println("chunks: " + KernelInteropUmlTest.chunkStats(io));
        assertThat(rec.allEvents).anyMatch(AssociationEvent.Up.class::isInstance);
        Recorder.Received first = rec.messages.poll(1, TimeUnit.SECONDS);
        assertThat(first).as("NGSetupRequest").isNotNull();
        assertThat(first.message().ppid()).isEqualTo(60);
        // NGAP-PDU initiatingMessage (0x00), procedureCode 21 = NGSetup (TS 38.413 9.4.7)
        assertThat(first.message().payload()[0]).isEqualTo((byte) 0x00);
        assertThat(first.message().payload()[1]).isEqualTo((byte) 21);
        if (TsharkDissectionTest.tsharkAvailable()) {
            // Wireshark's NGAP dissector (PPID 60) must read the gNB's message as NGSetupRequest
            Process p = new ProcessBuilder("tshark", "-r", "target/uml-ueransim-gnb.pcap", "-d",
                    "udp.port==" + port + ",sctp", "-Y", "ngap").redirectErrorStream(true).start();
            String dissected = new String(p.getInputStream().readAllBytes());
            p.waitFor(30, TimeUnit.SECONDS);
            System.out.println(dissected);
            assertThat(dissected).contains("NGSetupRequest");
        }
    }
}
