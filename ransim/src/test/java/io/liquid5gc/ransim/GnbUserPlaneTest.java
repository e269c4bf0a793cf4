package io.liquid5gc.ransim;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.DecodeResult;
import io.liquid5gc.gtpu.GtpuCodec;
import io.liquid5gc.gtpu.GtpuHeader;
import io.liquid5gc.gtpu.GtpuMessage;
import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.gtpu.PduSessionContainer;
import io.liquid5gc.gtpu.Tshark;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GnbUserPlaneTest {

    private static final byte[] PING = HexFormat.of().parseHex("4500001c0001000040010000" + "0a2d0002" + "0a2d0001" + "0800f7fe00010000");

    private static GtpuMessage receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        s.receive(p);
        return ((DecodeResult.Decoded) GtpuCodec.decode(Arrays.copyOf(p.getData(), p.getLength()))).message();
    }

    @Test
    void whenUpfPeerExchangesGtpu_thenUplinkCarriesQfiDownlinkReachesTheUeAndUnknownTeidGetsErrorIndication() throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (GnbUserPlane gnb = GnbUserPlane.bind(new InetSocketAddress(lo, 0)); DatagramSocket upf = new DatagramSocket(new InetSocketAddress(lo, 0))) {
            upf.setSoTimeout(30_000);
            // uplink: G-PDU in the UPF's tunnel with the UL PDU Session Container and the flow's QFI
            gnb.sendUplink((InetSocketAddress) upf.getLocalSocketAddress(), 0x55, 9, PING);
            DatagramPacket raw = new DatagramPacket(new byte[4096], 4096);
            upf.receive(raw);
            byte[] ul = Arrays.copyOf(raw.getData(), raw.getLength());
            GtpuMessage.GPdu g = (GtpuMessage.GPdu) ((DecodeResult.Decoded) GtpuCodec.decode(ul)).message();
            assertThat(g.header().teid()).isEqualTo(0x55);
            assertThat(g.header().pduSessionContainer()).isEqualTo(PduSessionContainer.uplink(9));
            assertThat(g.tpdu()).isEqualTo(PING);
            if (Tshark.available()) {
                String frame = Tshark.dissect(List.of(ul)).getFirst();
                assertThat(Tshark.problems(frame)).isEmpty();
                assertThat(frame).contains("UL PDU SESSION INFORMATION (1)", "QoS Flow Identifier (QFI): 9", "Echo (ping) request");
            }
            // downlink: to the UE registered for the gNB's TEID
            CompletableFuture<byte[]> delivered = new CompletableFuture<>();
            gnb.register(7, delivered::complete);
            byte[] dl = GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(7, PduSessionContainer.downlink(9)), PING));
            upf.send(new DatagramPacket(dl, dl.length, gnb.localAddress()));
            assertThat(delivered.get(30, TimeUnit.SECONDS)).isEqualTo(PING);
            // a TEID the gNB has no context for: Error Indication naming it (TS 29.281 7.3.1)
            byte[] stray = GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(99, PduSessionContainer.downlink(9)), PING));
            upf.send(new DatagramPacket(stray, stray.length, gnb.localAddress()));
            GtpuMessage.ErrorIndication ei = (GtpuMessage.ErrorIndication) receive(upf);
            assertThat(ei.teidDataI()).isEqualTo(99);
            assertThat(ei.peerAddress()).isEqualTo(lo);
            // Echo Request answered with the same sequence number; End Marker recorded
            upf.send(new DatagramPacket(GtpuCodec.encode(GtpuMessage.EchoRequest.of(4)), 12, gnb.localAddress()));
            assertThat(((GtpuMessage.EchoResponse) receive(upf)).header().sequenceNumber()).isEqualTo(4);
            byte[] em = GtpuCodec.encode(GtpuMessage.EndMarker.of(7));
            upf.send(new DatagramPacket(em, em.length, gnb.localAddress()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (gnb.signalling().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(gnb.signalling()).extracting(GnbUserPlane.Signalling::message).containsExactly(GtpuMessage.EndMarker.of(7));
        }
    }

    @Test
    void whenGnbChecksThePathToTheRealUpf_thenTheUpfAnswersItsEcho() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        try (Open5gsUpf upf = Open5gsUpf.start("ransimn3", 22);
                GnbUserPlane gnb = GnbUserPlane.bind(new InetSocketAddress(upf.gnbN3Address(), GtpuCodec.PORT))) {
            InetSocketAddress n3 = new InetSocketAddress(upf.n3Address(), GtpuCodec.PORT);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean answered = false;
            while (!answered && System.nanoTime() < deadline) {
                int seq = gnb.sendEcho(n3);
                Thread.sleep(200);
                answered = gnb.signalling().stream().anyMatch(s -> s.message() instanceof GtpuMessage.EchoResponse r
                        && r.header().sequenceNumber() == seq && s.from().equals(n3));
            }
            assertThat(answered).as(upf.logText()).isTrue();
        }
    }
}
