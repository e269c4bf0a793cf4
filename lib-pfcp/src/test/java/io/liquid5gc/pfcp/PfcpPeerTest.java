package io.liquid5gc.pfcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.pfcp.NodeMessage.HeartbeatRequest;
import io.liquid5gc.pfcp.NodeMessage.HeartbeatResponse;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two PFCP endpoints on loopback: responses matched by sequence number, T1/N1 retransmission, retransmitted requests answered from the cache. */
class PfcpPeerTest {

    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void whenPeerAnswers_thenTheFutureCompletesWithTheResponseOfThatSequence() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (PfcpPeer upf = PfcpPeer.open(ANY, Duration.ofSeconds(1), 3, (from, m) -> {
                calls.incrementAndGet();
                return m instanceof HeartbeatRequest hb ? new HeartbeatResponse(hb.header(), PfcpSamples.STAMP, List.of()) : null;
            });
             PfcpPeer smf = PfcpPeer.open(ANY, Duration.ofSeconds(1), 3, (from, m) -> null)) {
            for (int i = 0; i < 3; i++) {
                PfcpMessage r = smf.request(upf.localAddress(), seq -> new HeartbeatRequest(PfcpHeader.node(seq), PfcpSamples.STAMP, List.of()))
                        .get(60, TimeUnit.SECONDS);
                assertThat(r).isInstanceOf(HeartbeatResponse.class);
                assertThat(r.header().sequenceNumber()).isEqualTo(i + 1);
            }
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void whenPeerIsSilent_thenTheRequestIsSentNPlusOneTimesAndFails() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(ANY);
             PfcpPeer smf = PfcpPeer.open(ANY, Duration.ofMillis(200), 2, (from, m) -> null)) {
            var answer = smf.request((InetSocketAddress) silent.getLocalSocketAddress(),
                    seq -> new HeartbeatRequest(PfcpHeader.node(seq), PfcpSamples.STAMP, List.of()));
            assertThatThrownBy(() -> answer.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(PfcpPeer.NoResponseException.class);
            silent.setSoTimeout(1);
            int received = 0;
            byte[] first = null;
            DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
            while (true) {
                try {
                    silent.receive(in);
                } catch (SocketTimeoutException done) {
                    break;
                }
                byte[] got = Arrays.copyOf(in.getData(), in.getLength());
                first = first == null ? got : first;
                assertThat(got).as("retransmissions are the same octets").isEqualTo(first);
                received++;
            }
            assertThat(received).isEqualTo(3);
        }
    }

    @Test
    void whenARequestIsRetransmitted_thenTheCachedAnswerIsSentAndTheHandlerRunsOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (PfcpPeer upf = PfcpPeer.open(ANY, Duration.ofSeconds(1), 3, (from, m) -> {
                calls.incrementAndGet();
                return new HeartbeatResponse(m.header(), PfcpSamples.STAMP, List.of());
            });
             DatagramSocket smf = new DatagramSocket(ANY)) {
            smf.setSoTimeout(30_000);
            byte[] req = PfcpCodec.encode(new HeartbeatRequest(PfcpHeader.node(77), PfcpSamples.STAMP, List.of()));
            DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
            for (int i = 0; i < 2; i++) {
                smf.send(new DatagramPacket(req, req.length, upf.localAddress()));
                smf.receive(in);
                assertThat(PfcpCodec.decode(Arrays.copyOf(in.getData(), in.getLength())))
                        .isEqualTo(new DecodeResult.Decoded(new HeartbeatResponse(PfcpHeader.node(77), PfcpSamples.STAMP, List.of())));
            }
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void whenTheHandlerRunsOnAnExecutorAndBlocks_thenOtherRequestsAreAnsweredMeanwhileAndARetransmissionIsNotHandledTwice() throws Exception {
        AtomicInteger reports = new AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
             PfcpPeer smf = PfcpPeer.open(ANY, Duration.ofSeconds(1), 3, (from, m) -> {
                 if (m instanceof HeartbeatRequest) {
                     return new HeartbeatResponse(m.header(), PfcpSamples.STAMP, List.of());
                 }
                 reports.incrementAndGet();
                 try {
                     release.await(60, TimeUnit.SECONDS); // a handler that waits (a store, another NF)
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 return new SessionMessage.SessionReportResponse(PfcpHeader.session(9, m.header().sequenceNumber()),
                         new Ie.Cause(Ie.Cause.Value.REQUEST_ACCEPTED), null, List.of());
             }, executor);
             DatagramSocket upf = new DatagramSocket(ANY)) {
            upf.setSoTimeout(30_000);
            DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
            byte[] report = PfcpCodec.encode(new SessionMessage.SessionReportRequest(PfcpHeader.session(5, 40),
                    new UsageIe.ReportType(UsageIe.ReportType.DLDR), null, List.of(), List.of()));
            byte[] hb = PfcpCodec.encode(new HeartbeatRequest(PfcpHeader.node(41), PfcpSamples.STAMP, List.of()));
            upf.send(new DatagramPacket(report, report.length, smf.localAddress()));
            upf.send(new DatagramPacket(report, report.length, smf.localAddress())); // retransmitted while handled
            upf.send(new DatagramPacket(hb, hb.length, smf.localAddress()));
            upf.receive(in);
            assertThat(((DecodeResult.Decoded) PfcpCodec.decode(Arrays.copyOf(in.getData(), in.getLength()))).message())
                    .as("the heartbeat is answered while the report's handler waits").isInstanceOf(HeartbeatResponse.class);
            release.countDown();
            upf.receive(in);
            assertThat(((DecodeResult.Decoded) PfcpCodec.decode(Arrays.copyOf(in.getData(), in.getLength()))).message())
                    .isInstanceOf(SessionMessage.SessionReportResponse.class);
            upf.send(new DatagramPacket(report, report.length, smf.localAddress())); // a late retransmission: from the cache
            upf.receive(in);
            assertThat(((DecodeResult.Decoded) PfcpCodec.decode(Arrays.copyOf(in.getData(), in.getLength()))).message())
                    .isInstanceOf(SessionMessage.SessionReportResponse.class);
            assertThat(reports).hasValue(1);
        }
    }

    @Test
    void whenAPeerReusesASequenceNumberForAnotherRequest_thenItIsAnsweredAfreshNotFromTheCache() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (PfcpPeer upf = PfcpPeer.open(ANY, Duration.ofSeconds(1), 3, (from, m) -> {
                calls.incrementAndGet();
                return m instanceof HeartbeatRequest ? new HeartbeatResponse(m.header(), PfcpSamples.STAMP, List.of())
                        : new SessionMessage.SessionReportResponse(PfcpHeader.session(9, m.header().sequenceNumber()),
                                new Ie.Cause(Ie.Cause.Value.REQUEST_ACCEPTED), null, List.of());
            });
             DatagramSocket smf = new DatagramSocket(ANY)) {
            smf.setSoTimeout(30_000);
            DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
            // a peer that restarted numbers from 1 again: a Session Report with the sequence of an earlier heartbeat
            byte[] hb = PfcpCodec.encode(new HeartbeatRequest(PfcpHeader.node(1), PfcpSamples.STAMP, List.of()));
            byte[] report = PfcpCodec.encode(new SessionMessage.SessionReportRequest(PfcpHeader.session(5, 1),
                    new UsageIe.ReportType(UsageIe.ReportType.DLDR), null, List.of(), List.of()));
            smf.send(new DatagramPacket(hb, hb.length, upf.localAddress()));
            smf.receive(in);
            smf.send(new DatagramPacket(report, report.length, upf.localAddress()));
            smf.receive(in);
            PfcpMessage answer = ((DecodeResult.Decoded) PfcpCodec.decode(Arrays.copyOf(in.getData(), in.getLength()))).message();
            assertThat(answer).isInstanceOf(SessionMessage.SessionReportResponse.class);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void whenARequestOfAnotherVersionArrives_thenVersionNotSupportedIsAnswered() throws Exception {
        try (PfcpPeer upf = PfcpPeer.open(ANY, Duration.ofSeconds(1), 3, (from, m) -> null);
             DatagramSocket smf = new DatagramSocket(ANY)) {
            smf.setSoTimeout(30_000);
            byte[] v2 = java.util.HexFormat.of().parseHex("4001000c" + "00002100" + "00600004e8f12345");
            smf.send(new DatagramPacket(v2, v2.length, upf.localAddress()));
            DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
            smf.receive(in);
            PfcpMessage m = ((DecodeResult.Decoded) PfcpCodec.decode(Arrays.copyOf(in.getData(), in.getLength()))).message();
            assertThat(m).isEqualTo(new NodeMessage.VersionNotSupportedResponse(PfcpHeader.node(0x21), List.of()));
            assertThat(upf.undecodable()).isEqualTo(1);
        }
    }
}
