package io.liquid5gc.pfcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.GtpuCodec;
import io.liquid5gc.gtpu.GtpuHeader;
import io.liquid5gc.gtpu.GtpuMessage;
import io.liquid5gc.gtpu.Icmp;
import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.gtpu.PduSessionContainer;
import io.liquid5gc.pfcp.GroupedIe.CreatedPdr;
import io.liquid5gc.pfcp.Ie.Cause;
import io.liquid5gc.pfcp.NodeIe.FSeid;
import io.liquid5gc.pfcp.NodeIe.NodeId;
import io.liquid5gc.pfcp.SessionMessage.SessionDeletionResponse;
import io.liquid5gc.pfcp.SessionMessage.SessionEstablishmentResponse;
import io.liquid5gc.pfcp.SessionMessage.SessionModificationResponse;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The codec against a real UPF (Open5GS's, in its own network namespace): association, the UPF's heartbeat, a PDU
 * session's rules established, the downlink tunnel set by a modification, a ping from the UE's address through the
 * UPF to the data network and back, the deletion with its final usage report, and a deletion of a session the UPF
 * no longer has. (Before the association the UPF drops every session message.) With
 * {@code -Dliquid5gc.pfcp.capture=DIR} the UPF's answers are written to DIR (how the golden vectors in
 * src/test/resources/io/liquid5gc/pfcp/upf/ were made). Skips only without root, namespaces or the UPF build.
 */
class Open5gsUpfPfcpTest {

    private static Open5gsUpf upf;
    private static DatagramSocket n4;
    private static int seq = 100;

    @BeforeAll
    static void start() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start("pfcpcodec", 31);
        n4 = new DatagramSocket(new InetSocketAddress(upf.smfN4Address(), PfcpCodec.PORT));
        n4.setSoTimeout(500);
    }

    @AfterAll
    static void stop() throws Exception {
        if (n4 != null) {
            n4.close();
        }
        if (upf != null) {
            upf.close();
        }
    }

    /** Sends a request and waits for the response of the same sequence number, answering the UPF's heartbeats. */
    private static PfcpMessage request(PfcpMessage m, String captureAs) throws Exception {
        byte[] out = PfcpCodec.encode(m);
        InetSocketAddress to = new InetSocketAddress(upf.pfcpAddress(), PfcpCodec.PORT);
        DatagramPacket in = new DatagramPacket(new byte[65535], 65535);
        // the machine may be busy: resend for up to 30 s (TS 29.244 6.4: T1 and N1 are the sender's choice)
        for (int attempt = 0; attempt < 60; attempt++) {
            n4.send(new DatagramPacket(out, out.length, to));
            long until = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < until) {
                try {
                    n4.receive(in);
                } catch (SocketTimeoutException again) {
                    break;
                }
                byte[] got = Arrays.copyOf(in.getData(), in.getLength());
                DecodeResult r = PfcpCodec.decode(got);
                assertThat(r).as(upf.logText()).isInstanceOf(DecodeResult.Decoded.class);
                PfcpMessage answer = ((DecodeResult.Decoded) r).message();
                if (answer instanceof NodeMessage.HeartbeatRequest hb) {
                    capture("heartbeat-request", got);
                    byte[] resp = PfcpCodec.encode(new NodeMessage.HeartbeatResponse(hb.header(), STAMP, List.of()));
                    n4.send(new DatagramPacket(resp, resp.length, in.getSocketAddress()));
                } else if (answer.header().sequenceNumber() == m.header().sequenceNumber()) {
                    capture(captureAs, got);
                    assertThat(PfcpCodec.encode(answer)).as("re-encoded as received").isEqualTo(got);
                    return answer;
                }
            }
        }
        throw new AssertionError("no answer to " + m.type() + ": " + upf.logText());
    }

    private static final NodeIe.RecoveryTimeStamp STAMP = NodeIe.RecoveryTimeStamp.of(Instant.now());

    private static void capture(String name, byte[] octets) throws Exception {
        String dir = System.getProperty("liquid5gc.pfcp.capture");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name), octets);
        }
    }

    @Test
    void whenSmfAssociatesAndEstablishesASession_thenAPingCrossesTheRealUpf() throws Exception {
        Inet4Address smf = (Inet4Address) upf.smfN4Address();
        Inet4Address gnb = (Inet4Address) upf.gnbN3Address();
        Inet4Address ue = PfcpSamples.v4("10.45.0.2");

        var setup = (NodeMessage.AssociationSetupResponse) request(new NodeMessage.AssociationSetupRequest(
                PfcpHeader.node(++seq), NodeId.of(smf), STAMP, null, new NodeIe.CpFunctionFeatures(new byte[] {0}), List.of()),
                "association-setup-response");
        assertThat(setup.cause().value()).isEqualTo(Cause.Value.REQUEST_ACCEPTED);
        assertThat(setup.nodeId()).isEqualTo(NodeId.of(upf.pfcpAddress()));
        assertThat(setup.upFunctionFeatures()).isNotNull();

        var est = (SessionEstablishmentResponse) request(PfcpSamples.sessionEstablishmentRequest(smf, ue, 0x1001, ++seq),
                "session-establishment-response");
        assertThat(est.cause().value()).as(upf.logText()).isEqualTo(Cause.Value.REQUEST_ACCEPTED);
        assertThat(est.header().seid()).isEqualTo(0x1001);
        FSeid up = est.upFSeid();
        assertThat(up.address()).isEqualTo(upf.pfcpAddress());
        CreatedPdr ul = est.createdPdrs().stream().filter(p -> p.pdrId().id() == 1).findFirst().orElseThrow();
        assertThat(ul.localFTeid().ipv4()).isEqualTo(upf.n3Address());
        long upfTeid = ul.localFTeid().teid();

        var mod = (SessionModificationResponse) request(PfcpSamples.downlinkForward(up.seid(), ++seq, gnb, 0x7001),
                "session-modification-response");
        assertThat(mod.cause().value()).isEqualTo(Cause.Value.REQUEST_ACCEPTED);

        try (DatagramSocket n3 = new DatagramSocket(new InetSocketAddress(gnb, GtpuCodec.PORT))) {
            n3.setSoTimeout(500);
            boolean replied = false;
            for (int ping = 1; ping <= 40 && !replied; ping++) {
                byte[] echo = Icmp.echoRequest(ue, (Inet4Address) upf.dnAddress(), 0x4c35, ping);
                byte[] g = GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(upfTeid, PduSessionContainer.uplink(9)), echo));
                n3.send(new DatagramPacket(g, g.length, new InetSocketAddress(upf.n3Address(), GtpuCodec.PORT)));
                DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
                try {
                    n3.receive(in);
                } catch (SocketTimeoutException retry) {
                    continue;
                }
                if (GtpuCodec.decode(in.getData(), 0, in.getLength()) instanceof io.liquid5gc.gtpu.DecodeResult.Decoded d
                        && d.message() instanceof GtpuMessage.GPdu pdu) {
                    assertThat(pdu.header().teid()).isEqualTo(0x7001);
                    replied = Icmp.isEchoReply(pdu.tpdu(), 0x4c35, ping);
                }
            }
            assertThat(replied).as("an echo reply in the gNB's tunnel; " + upf.logText()).isTrue();
        }

        var del = (SessionDeletionResponse) request(new SessionMessage.SessionDeletionRequest(PfcpHeader.session(up.seid(), ++seq), List.of()),
                "session-deletion-response");
        assertThat(del.cause().value()).isEqualTo(Cause.Value.REQUEST_ACCEPTED);
        assertThat(del.usageReports()).as("the URR's final report").isNotEmpty();
        var volume = del.usageReports().getFirst().volumeMeasurement();
        assertThat(volume.uplinkOctets()).as("the echo requests were measured").isPositive();
        assertThat(volume.downlinkOctets()).isPositive();

        var again = (SessionDeletionResponse) request(new SessionMessage.SessionDeletionRequest(PfcpHeader.session(up.seid(), ++seq), List.of()),
                "session-deletion-response-not-found");
        assertThat(again.cause().value()).isEqualTo(Cause.Value.SESSION_CONTEXT_NOT_FOUND);
        // (Association Release Request, TS 29.244 6.2.8, is not implemented by this UPF: "Not implemented PFCP message type[9]")
    }
}
