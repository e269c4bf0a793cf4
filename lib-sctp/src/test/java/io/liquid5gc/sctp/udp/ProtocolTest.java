package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.ErrorCause;
import io.liquid5gc.sctp.wire.Packet;
import io.liquid5gc.sctp.wire.Param;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Protocol behaviour of the endpoint against a scripted peer (RFC 9260 clauses in the test names' comments). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProtocolTest {
    static final SctpConfig CFG = SctpConfig.builder().heartbeatInterval(Duration.ZERO).build();
    final Recorder rec = new Recorder(false);
    UdpSctpEndpoint endpoint;
    ScriptedPeer peer;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    void listen(SctpConfig cfg) throws Exception {
        endpoint = UdpSctpEndpoint.builder().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .sctpPort(38412).listen(true).config(cfg).handler(rec).start();
        peer = new ScriptedPeer(5000, endpoint.localAddress(), 38412);
    }

    @Test
    void whenInitArrives_thenInitAckCarriesCookieAndNoStateIsKept() throws Exception {
        listen(CFG);
        peer.send(0, peer.init());
        Chunk.InitAck ack = peer.expect(Chunk.InitAck.class, 2000);
        // RFC 9260 5.1.3: the INIT ACK is sent with the INIT's Initiate Tag
        assertThat(peer.lastPacket.verificationTag()).isEqualTo(peer.myTag);
        assertThat(ack.cookie()).hasSize(CookieCodec.SIZE);
        assertThat(ack.inboundStreams()).isEqualTo(16);
        // RFC 9260 3.2.1: the 0xC000 parameter (11: skip and report) comes back as Unrecognized Parameter
        assertThat(ack.params()).anyMatch(p -> p.type() == Param.Type.UNRECOGNIZED_PARAMETER.code());
        assertThat(endpoint.associations()).isEmpty();
    }

    @Test
    void whenCookieIsTampered_thenItIsSilentlyDiscarded() throws Exception {
        listen(CFG);
        peer.send(0, peer.init());
        Chunk.InitAck ack = peer.expect(Chunk.InitAck.class, 2000);
        byte[] cookie = ack.cookie().clone();
        cookie[20] ^= 1;
        peer.send(ack.initiateTag(), new Chunk.CookieEcho(cookie));
        assertThat(peer.receive(300)).isNull();
        assertThat(endpoint.associations()).isEmpty();
    }

    @Test
    void whenCookieIsStale_thenStaleCookieErrorIsSent() throws Exception {
        listen(CFG.toBuilder().validCookieLife(Duration.ofMillis(1)).build());
        peer.send(0, peer.init());
        Chunk.InitAck ack = peer.expect(Chunk.InitAck.class, 2000);
        Thread.sleep(30);
        peer.send(ack.initiateTag(), new Chunk.CookieEcho(ack.cookie()));
        Chunk.Error err = peer.expect(Chunk.Error.class, 2000);
        assertThat(err.causes()).extracting(ErrorCause::knownCode).containsExactly(ErrorCause.Code.STALE_COOKIE);
        assertThat(endpoint.associations()).isEmpty();
    }

    @Test
    void whenDataHasGapsAndDuplicates_thenSackReportsThem() throws Exception {
        listen(CFG);
        peer.establish();
        int t = peer.myTsn;
        peer.send(peer.peerTag, peer.data(t, 0, 0, new byte[] {1}));
        peer.send(peer.peerTag, peer.data(t + 2, 0, 2, new byte[] {3}));
        // RFC 9260 6.7: a gap makes the receiver SACK immediately
        Chunk.Sack sack = peer.expect(Chunk.Sack.class, 1000);
        while (sack.gapBlockCount() == 0) {
            sack = peer.expect(Chunk.Sack.class, 1000);
        }
        assertThat(sack.cumulativeTsnAck()).isEqualTo(t);
        assertThat(sack.gapBlocks()).containsExactly(2, 2);
        peer.send(peer.peerTag, peer.data(t, 0, 0, new byte[] {1}));
        Chunk.Sack dup = peer.expect(Chunk.Sack.class, 1000);
        assertThat(dup.duplicateTsns()).containsExactly(t);
        peer.send(peer.peerTag, peer.data(t + 1, 0, 1, new byte[] {2}));
        Chunk.Sack full = peer.expect(Chunk.Sack.class, 1000);
        assertThat(full.cumulativeTsnAck()).isEqualTo(t + 2);
        assertThat(full.gapBlocks()).isEmpty();
        for (int i = 1; i <= 3; i++) {
            assertThat(rec.nextMessage(Duration.ofSeconds(2)).payload()).containsExactly(i);
        }
    }

    @Test
    void whenDataArrivesOnInvalidStream_thenErrorAndSack() throws Exception {
        listen(CFG);
        peer.establish();
        peer.send(peer.peerTag, peer.data(peer.myTsn, 9, 0, new byte[] {9}), new Chunk.Data(
                Chunk.Data.FLAG_B | Chunk.Data.FLAG_E | Chunk.Data.FLAG_I, peer.myTsn + 1, 200, 0, 60, new byte[] {1}));
        Chunk.Error err = peer.expect(Chunk.Error.class, 1000);
        assertThat(err.causes().getFirst().knownCode()).isEqualTo(ErrorCause.Code.INVALID_STREAM_IDENTIFIER);
        Chunk.Sack sack = peer.lastPacket.chunks().stream().filter(Chunk.Sack.class::isInstance)
                .map(Chunk.Sack.class::cast).findFirst().orElseGet(() -> {
                    try {
                        return peer.expect(Chunk.Sack.class, 1000);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        assertThat(sack.cumulativeTsnAck()).isEqualTo(peer.myTsn + 1);
        assertThat(rec.nextMessage(Duration.ofSeconds(2)).streamId()).isEqualTo(9);
    }

    @Test
    void whenUnknownChunksArrive_thenTheirHighBitsDecide() throws Exception {
        listen(CFG);
        peer.establish();
        byte[] hbInfo = {0, 1, 0, 8, 1, 2, 3, 4};
        // 11xxxxxx: skip, continue, report
        peer.send(peer.peerTag, new Chunk.Unknown(0xC5, 0, new byte[] {7}), new Chunk.Heartbeat(hbInfo));
        Packet p = peer.receive(1000);
        assertThat(p.chunks()).hasAtLeastOneElementOfType(Chunk.Error.class)
                .hasAtLeastOneElementOfType(Chunk.HeartbeatAck.class);
        // 01xxxxxx: stop, report (the heartbeat after it is not processed)
        peer.send(peer.peerTag, new Chunk.Unknown(0x45, 0, new byte[0]), new Chunk.Heartbeat(hbInfo));
        p = peer.receive(1000);
        assertThat(p.chunks()).hasOnlyElementsOfType(Chunk.Error.class);
        Chunk.Error e = (Chunk.Error) p.chunks().getFirst();
        assertThat(e.causes().getFirst().knownCode()).isEqualTo(ErrorCause.Code.UNRECOGNIZED_CHUNK_TYPE);
        assertThat(e.causes().getFirst().info()).startsWith((byte) 0x45);
        // 00xxxxxx: stop silently
        peer.send(peer.peerTag, new Chunk.Unknown(0x3F, 0, new byte[0]), new Chunk.Heartbeat(hbInfo));
        assertThat(peer.receive(300)).isNull();
        // 10xxxxxx: skip silently
        peer.send(peer.peerTag, new Chunk.Unknown(0x85, 0, new byte[0]), new Chunk.Heartbeat(hbInfo));
        p = peer.receive(1000);
        assertThat(p.chunks()).hasOnlyElementsOfType(Chunk.HeartbeatAck.class);
        assertThat(((Chunk.HeartbeatAck) p.chunks().getFirst()).info()).isEqualTo(hbInfo);
    }

    @Test
    void whenPacketIsOutOfTheBlue_thenAbortWithTBitReflectsTag() throws Exception {
        listen(CFG);
        peer.send(0xCAFE, peer.data(1, 0, 0, new byte[] {1}));
        Chunk.Abort abort = peer.expect(Chunk.Abort.class, 1000);
        assertThat(abort.tBit()).isTrue();
        assertThat(peer.lastPacket.verificationTag()).isEqualTo(0xCAFE);
        // RFC 9260 8.4 rule 5: SHUTDOWN ACK out of the blue gets SHUTDOWN COMPLETE with T bit
        peer.send(0xBEEF, new Chunk.ShutdownAck());
        Chunk.ShutdownComplete sc = peer.expect(Chunk.ShutdownComplete.class, 1000);
        assertThat(sc.tBit()).isTrue();
        // rule 2: ABORT out of the blue is discarded
        peer.send(0xBEEF, new Chunk.Abort(false, List.of()));
        assertThat(peer.receive(200)).isNull();
    }

    @Test
    void whenPeerRestarts_thenRestartEventAndNewTags() throws Exception {
        listen(CFG);
        peer.establish();
        rec.awaitEvent(AssociationEvent.Up.class, Duration.ofSeconds(2));
        int oldPeerTag = peer.peerTag;
        peer.myTag = 0x55667788;
        peer.myTsn = 5000;
        peer.send(0, peer.init());
        Chunk.InitAck ack = peer.expect(Chunk.InitAck.class, 1000);
        // RFC 9260 5.2.2: a new tag, not the association's current one
        assertThat(ack.initiateTag()).isNotEqualTo(oldPeerTag);
        peer.peerTag = ack.initiateTag();
        peer.send(peer.peerTag, new Chunk.CookieEcho(ack.cookie()));
        peer.expect(Chunk.CookieAck.class, 1000);
        rec.awaitEvent(AssociationEvent.Restart.class, Duration.ofSeconds(2));
        assertThat(endpoint.associations()).hasSize(1);
        // the restarted association works with the new tags
        peer.send(peer.peerTag, peer.data(5000, 0, 0, new byte[] {42}));
        assertThat(rec.nextMessage(Duration.ofSeconds(2)).payload()).containsExactly(42);
    }

    @Test
    void whenUdpSourcePortChanges_thenRepliesFollowTheNewSource() throws Exception {
        listen(CFG);
        peer.establish();
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] info = {0, 1, 0, 8, 9, 9, 9, 9};
            peer.sendFrom(other, peer.peerTag, new Chunk.Heartbeat(info));
            Packet p = peer.receiveOn(other, 1000);
            assertThat(p).isNotNull();
            assertThat(p.chunks().getFirst()).isInstanceOf(Chunk.HeartbeatAck.class);
            AssociationEvent.PeerAddressChanged ch = rec.awaitEvent(AssociationEvent.PeerAddressChanged.class,
                    Duration.ofSeconds(2));
            assertThat(ch.address().getPort()).isEqualTo(other.getLocalPort());
        }
    }

    @Test
    void whenPeerAborts_thenCommunicationLost() throws Exception {
        listen(CFG);
        peer.establish();
        peer.send(peer.peerTag, new Chunk.Abort(false, List.of(ErrorCause.of(ErrorCause.Code.USER_INITIATED_ABORT))));
        AssociationEvent.CommunicationLost lost = rec.awaitEvent(AssociationEvent.CommunicationLost.class,
                Duration.ofSeconds(2));
        assertThat(lost.reason()).isEqualTo(AssociationEvent.Reason.PEER_ABORT);
        assertThat(endpoint.associations()).isEmpty();
    }

    @Test
    void whenAbortHasWrongTag_thenItIsIgnored() throws Exception {
        listen(CFG);
        peer.establish();
        peer.send(peer.peerTag + 1, new Chunk.Abort(false, List.of()));
        Thread.sleep(100);
        assertThat(endpoint.associations()).hasSize(1);
    }

    @Test
    void whenSacksReportAGapThreeTimes_thenFastRetransmitBeforeT3() throws Exception {
        listen(CFG); // RTO.Initial 1 s: a retransmission within 500 ms can only be a fast retransmit
        peer.establish();
        Association a = rec.awaitEvent(AssociationEvent.Up.class, Duration.ofSeconds(2)) != null ? rec.lastAssociation
                : null;
        for (int i = 0; i < 6; i++) {
            a.trySend(SctpMessage.ngap(0, new byte[1000]));
        }
        java.util.List<Integer> first = dataTsns(300);
        assertThat(first).hasSizeGreaterThanOrEqualTo(4); // Max.Burst 4 packets before the first SACK
        int t = first.getFirst();
        // t+1 missing; SACKs report t+2, then t+2..t+3, then t+2..t+4 (RFC 9260 7.2.4: third miss indication)
        for (int end = 2; end <= 4; end++) {
            peer.send(peer.peerTag, new Chunk.Sack(t, 1 << 20, new int[] {2, end}, new int[0]));
            Thread.sleep(20);
        }
        assertThat(dataTsns(400)).contains(t + 1);
        peer.send(peer.peerTag, new Chunk.Sack(t + 5, 1 << 20, new int[0], new int[0]));
        Thread.sleep(50);
        assertThat(a.bufferedBytes()).isZero();
    }

    /** TSNs of all DATA chunks received within the window. */
    java.util.List<Integer> dataTsns(long millis) throws Exception {
        java.util.List<Integer> tsns = new java.util.ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        long left;
        while ((left = end - System.currentTimeMillis()) > 0) {
            Packet p = peer.receive(left);
            if (p == null) {
                break;
            }
            p.chunks().stream().filter(Chunk.Data.class::isInstance).map(c -> ((Chunk.Data) c).tsn()).forEach(tsns::add);
        }
        return tsns;
    }

    @Test
    void whenDataIsNotAcknowledged_thenT3RetransmitsWithExponentialBackoff() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        ChannelDatagramIo io = ChannelDatagramIo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        endpoint = UdpSctpEndpoint.builder().datagramIo(io).sctpPort(38412).listen(true).config(CFG).handler(rec)
                .clock(now::get).start();
        peer = new ScriptedPeer(5000, endpoint.localAddress(), 38412);
        peer.establish();
        rec.awaitEvent(AssociationEvent.Up.class, Duration.ofSeconds(2));
        Association a = rec.lastAssociation;
        a.trySend(SctpMessage.ngap(0, new byte[] {1, 2, 3}));
        Chunk.Data first = peer.expect(Chunk.Data.class, 1000);
        // RTO.Initial = 1 s (RFC 9260 6.3.1 C1); just before it nothing happens
        now.addAndGet(999_000_000L);
        io.wakeup();
        assertThat(peer.receive(150)).isNull();
        now.addAndGet(1_000_000L);
        io.wakeup();
        assertThat(peer.expect(Chunk.Data.class, 1000).tsn()).isEqualTo(first.tsn());
        // RFC 9260 6.3.3 E2: the RTO doubled to 2 s
        now.addAndGet(1_999_000_000L);
        io.wakeup();
        assertThat(peer.receive(150)).isNull();
        now.addAndGet(1_000_000L);
        io.wakeup();
        assertThat(peer.expect(Chunk.Data.class, 1000).tsn()).isEqualTo(first.tsn());
        peer.send(peer.peerTag, new Chunk.Sack(first.tsn(), 1 << 20, new int[0], new int[0]));
        Thread.sleep(50);
        assertThat(a.bufferedBytes()).isZero();
    }

    @Test
    void whenBothSidesSendInit_thenCollisionResolvesToOneAssociation() throws Exception {
        // our endpoint initiates towards the scripted peer, which sends its own INIT instead of INIT ACK
        endpoint = UdpSctpEndpoint.builder().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .sctpPort(38412).listen(true).config(CFG).handler(rec).start();
        peer = new ScriptedPeer(5000, endpoint.localAddress(), 38412);
        CompletableFuture<Association> f = endpoint.connect(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.socket.getLocalPort()), 5000);
        Chunk.Init theirInit = peer.expect(Chunk.Init.class, 1000);
        int tagA = theirInit.initiateTag();
        peer.send(0, peer.init()); // INIT crosses
        Chunk.InitAck ackFromA = peer.expect(Chunk.InitAck.class, 1000);
        // RFC 9260 5.2.1: in COOKIE-WAIT, answer with the same Initiate Tag as our INIT
        assertThat(ackFromA.initiateTag()).isEqualTo(tagA);
        // the peer answers the endpoint's INIT with an INIT ACK carrying a cookie of its own making
        byte[] peerCookie = {1, 2, 3, 4, 5, 6, 7, 8};
        peer.send(tagA, new Chunk.InitAck(peer.myTag, 1 << 20, 10, 10, peer.myTsn,
                List.of(new Param(Param.Type.STATE_COOKIE.code(), peerCookie))));
        Chunk.CookieEcho echo = peer.expect(Chunk.CookieEcho.class, 1000);
        assertThat(echo.cookie()).isEqualTo(peerCookie);
        // the peer echoes the endpoint's cookie: tags match (RFC 9260 5.2.4 action D) -> COOKIE ACK
        peer.send(tagA, new Chunk.CookieEcho(ackFromA.cookie()));
        peer.expect(Chunk.CookieAck.class, 1000);
        peer.send(tagA, new Chunk.CookieAck());
        Association a = f.get(2, TimeUnit.SECONDS);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(endpoint.associations()).hasSize(1);
        assertThat(rec.allEvents.stream().filter(AssociationEvent.Up.class::isInstance)).hasSize(1);
    }

    @Test
    void whenOneDataPacketArrives_thenSackIsDelayedButTwoPacketsAreAckedAtOnce() throws Exception {
        listen(CFG); // delayed SACK 200 ms (RFC 9260 6.2)
        peer.establish();
        long t0 = System.nanoTime();
        peer.send(peer.peerTag, peer.data(peer.myTsn, 0, 0, new byte[] {1}));
        peer.expect(Chunk.Sack.class, 1000);
        long delayMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(delayMs).isBetween(150L, 700L);
        t0 = System.nanoTime();
        peer.send(peer.peerTag, peer.data(peer.myTsn + 1, 0, 1, new byte[] {2}));
        peer.send(peer.peerTag, peer.data(peer.myTsn + 2, 0, 2, new byte[] {3}));
        Chunk.Sack sack = peer.expect(Chunk.Sack.class, 1000);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(150L);
        assertThat(sack.cumulativeTsnAck()).isEqualTo(peer.myTsn + 2);
    }

    @Test
    void whenStreamsAreNegotiated_thenEachDirectionUsesTheMinimum() throws Exception {
        listen(CFG.toBuilder().outboundStreams(4).maxInboundStreams(32).build());
        peer.establish(); // peer INIT: OS 10, MIS 10
        rec.awaitEvent(AssociationEvent.Up.class, Duration.ofSeconds(2));
        Association a = rec.lastAssociation;
        assertThat(a.inboundStreams()).isEqualTo(10); // min(peer OS 10, our MIS 32)
        assertThat(a.outboundStreams()).isEqualTo(4); // min(our OS 4, peer MIS 10)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.trySend(SctpMessage.ngap(4, new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenSendBufferIsFull_thenSendsAreRefusedUntilTheBufferDrains() throws Exception {
        listen(CFG.toBuilder().sendBufferBytes(4000).maxMessageBytes(4000).build());
        peer.establish();
        rec.awaitEvent(AssociationEvent.Up.class, Duration.ofSeconds(2));
        Association a = rec.lastAssociation;
        for (int i = 0; i < 4; i++) {
            assertThat(a.trySend(SctpMessage.ngap(0, new byte[1000]))).isTrue();
        }
        assertThat(a.trySend(SctpMessage.ngap(0, new byte[1000]))).isFalse();
        assertThat(a.send(SctpMessage.ngap(0, new byte[1000])).toCompletableFuture())
                .failsWithin(Duration.ofSeconds(1)).withThrowableThat()
                .withCauseInstanceOf(io.liquid5gc.sctp.SendBufferFullException.class);
        assertThat(a.bufferedBytes()).isEqualTo(4000);
        List<Integer> tsns = dataTsns(300);
        int last = tsns.stream().max(Integer::compare).orElseThrow();
        peer.send(peer.peerTag, new Chunk.Sack(last, 1 << 20, new int[0], new int[0]));
        AssociationEvent.SendBufferAvailable ev = rec.awaitEvent(AssociationEvent.SendBufferAvailable.class,
                Duration.ofSeconds(2));
        assertThat(ev.freeBytes()).isPositive();
        assertThat(a.trySend(SctpMessage.ngap(0, new byte[1000]))).isTrue();
    }

    @Test
    void whenPeerShutsDown_thenShutdownAckAndShutdownComplete() throws Exception {
        listen(CFG);
        peer.establish();
        peer.send(peer.peerTag, new Chunk.Shutdown(peer.peerTsn - 1));
        peer.expect(Chunk.ShutdownAck.class, 1000);
        rec.awaitEvent(AssociationEvent.PeerShutdown.class, Duration.ofSeconds(2));
        assertThat(rec.lastAssociation.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
        peer.send(peer.peerTag, new Chunk.ShutdownComplete(false));
        rec.awaitEvent(AssociationEvent.ShutdownComplete.class, Duration.ofSeconds(2));
        assertThat(endpoint.associations()).isEmpty();
    }

    @Test
    void whenControlChunksExceedTheMtu_thenTheyGoAloneAndLaterControlStillFlows() throws Exception {
        listen(CFG);
        peer.establish();
        byte[] bigInfo = new byte[3000];
        bigInfo[1] = 1; // Heartbeat Info
        bigInfo[2] = (byte) (3000 >>> 8);
        bigInfo[3] = (byte) 3000;
        peer.send(peer.peerTag, new Chunk.Heartbeat(bigInfo), new Chunk.Unknown(0xC7, 0, new byte[4000]));
        Chunk.HeartbeatAck ack = peer.expect(Chunk.HeartbeatAck.class, 1000);
        assertThat(ack.info()).isEqualTo(bigInfo);
        byte[] small = {0, 1, 0, 8, 1, 2, 3, 4};
        peer.send(peer.peerTag, new Chunk.Heartbeat(small));
        Chunk.HeartbeatAck ack2 = peer.expect(Chunk.HeartbeatAck.class, 1000);
        assertThat(ack2.info()).isEqualTo(small);
    }

    @Test
    void whenInitAckHasUnknownParameters_thenCookieEchoCarriesAnErrorReportingThem() throws Exception {
        endpoint = UdpSctpEndpoint.builder().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .sctpPort(38412).config(CFG).handler(rec).start();
        peer = new ScriptedPeer(5000, endpoint.localAddress(), 38412);
        endpoint.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.socket.getLocalPort()), 5000);
        Chunk.Init init = peer.expect(Chunk.Init.class, 1000);
        byte[] cookie = {9, 8, 7, 6};
        // 0xC123: skip and report; 0x8123: skip silently (RFC 9260 3.2.1)
        peer.send(init.initiateTag(), new Chunk.InitAck(peer.myTag, 1 << 20, 10, 10, peer.myTsn, List.of(
                new Param(Param.Type.STATE_COOKIE.code(), cookie), new Param(0xC123, new byte[] {1, 2}),
                new Param(0x8123, new byte[] {3}))));
        peer.expect(Chunk.CookieEcho.class, 1000);
        Chunk.Error err = peer.lastPacket.chunks().stream().filter(Chunk.Error.class::isInstance)
                .map(Chunk.Error.class::cast).findFirst().orElseThrow();
        assertThat(err.causes()).hasSize(1);
        ErrorCause c = err.causes().getFirst();
        assertThat(c.knownCode()).isEqualTo(ErrorCause.Code.UNRECOGNIZED_PARAMETERS);
        assertThat(c.info()).startsWith((byte) 0xC1, (byte) 0x23, (byte) 0, (byte) 6, (byte) 1, (byte) 2);
    }
}
