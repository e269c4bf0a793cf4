package io.liquid5gc.proxy.n2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseNas;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.ue.NasTimerScheduler;
import io.liquid5gc.proxy.ue.UeSignalling;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.udp.UdpSctpEndpoint;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.Decoded;
import io.liquid5gc.sctp.wire.Packet;
import io.liquid5gc.sctp.wire.PacketCodec;
import io.liquid5gc.sctp.wire.PacketWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 item 4, N2 abuse bounded: the proxy's N2 endpoint over real SCTP-over-UDP framing on loopback, with the
 * project's SCTP-over-UDP endpoint or ransim's {@link SimGnb} as the gNB.
 */
class N2LimitsTest {

    private static final PlmnIdentity PLMN = PlmnIdentity.of("001", "01");
    private static final SNssai SLICE = new SNssai(1, 0x010203);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final BlockingQueue<NgapMessage> received = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private N2Server server;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** The {@code limits.*} properties given (null: its declared default). */
    private static Map<String, Object> limits(Double inits, Integer initBurst, Double initialUe, Integer initialUeBurst,
                                              List<String> gnbs, List<String> sources, Boolean ppidOnly) {
        Map<String, Object> m = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, Object> put = (key, value) -> {
            if (value != null) {
                m.put("limits." + key, value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : value);
            }
        };
        put.accept("inits-per-second", inits);
        put.accept("init-burst", initBurst);
        put.accept("initial-ue-messages-per-second", initialUe);
        put.accept("initial-ue-message-burst", initialUeBurst);
        put.accept("allowed-gnbs", gnbs);
        put.accept("allowed-sources", sources);
        put.accept("ngap-ppid-only", ppidOnly);
        return m;
    }

    private N2Server start(Map<String, Object> limits) {
        Map<String, Object> properties = new LinkedHashMap<>(Map.of("tacs", "1", "sctp.udp-bind-address", "127.0.0.1", "sctp.udp-port", "0", "sctp.kernel", "off"));
        properties.putAll(limits);
        ProxyProperties props = ProxyProperties.bind(properties);
        server = new N2Server(props, meters, clock::get);
        server.start();
        return server;
    }

    /** The UE side as in the all-in-one, with an AMF that must never be called. */
    private void attachUeSide() {
        FunctionClient noAmf = new FunctionClient() {
            @Override
            public <I, O> O call(FunctionSpec<I, O> function, I request) {
                throw new AssertionError("the AMF was called: " + function);
            }

            @Override
            public boolean isEnabled(NfType nf) {
                return true;
            }

            @Override
            public Placement placementOf(NfType nf) {
                return Placement.LOCAL;
            }
        };
        ProxyProperties props = ProxyProperties.defaults();
        server.attach(new UeSignalling(noAmf, new InMemoryKeyValueStore(Clock.systemUTC()), new JsonMapper(), props, meters,
                NasTimerScheduler.system()));
    }

    /** A gNB speaking SCTP over UDP from {@code address}, its NGAP answers into {@link #received}. */
    private Association gnb(String address) throws Exception {
        UdpSctpEndpoint gnb = UdpSctpEndpoint.builder().bind(new InetSocketAddress(address, 0)).sctpPort(38412)
                .handler(new AssociationHandler() {
                    @Override
                    public void onMessage(Association a, SctpMessage m) {
                        if (NgapCodec.decode(m.payload()) instanceof DecodeResult.Decoded d) {
                            received.add(d.message());
                        }
                    }
                }).start();
        closing.add(gnb);
        return gnb.connect(server.udpAddress(), 38412).get(5, TimeUnit.SECONDS);
    }

    private static void send(Association a, NgapMessage m) {
        assertThat(a.trySend(SctpMessage.ngap(0, NgapCodec.encode(m)))).isTrue();
    }

    private NgapMessage next() throws InterruptedException {
        NgapMessage m = received.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("an answer from the proxy").isNotNull();
        return m;
    }

    private static NgSetup.Request setup(long gnbId) {
        return new NgSetup.Request(new GlobalRanNodeId.Gnb(PLMN, gnbId, 22), "gnb-test",
                List.of(new SupportedTaItem(1, List.of(new BroadcastPlmnItem(PLMN, List.of(SLICE))))), PagingDrx.values()[2], List.of());
    }

    private double dropped(String reason) {
        var search = meters.get("liquid5gc.proxy.n2.dropped").tag("reason", reason);
        return reason.startsWith("init-") ? search.functionCounter().count() : search.counter().count();
    }

    // --- a. INIT rate per source address ---

    @Test
    void whenAGnbHostFloodsInits_thenOnlyItsBurstIsAnsweredWithInitAcks() throws Exception {
        start(limits(1.0, 3, null, null, null, null, null));
        PacketCodec codec = new PacketCodec();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            for (int i = 0; i < 30; i++) {
                byte[] init = PacketWriter.encode(new Packet(5000, 38412, 0,
                        List.of(new Chunk.Init(0x100 + i, 1 << 20, 2, 2, 1, List.of()))));
                s.send(new DatagramPacket(init, init.length, server.udpAddress()));
            }
            int initAcks = 0;
            s.setSoTimeout(500);
            byte[] buf = new byte[65536];
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (codec.decode(buf, 0, p.getLength()) instanceof Decoded.Ok<Packet>(Packet packet)
                        && packet.chunks().getFirst() instanceof Chunk.InitAck) {
                    initAcks++;
                }
            }
            // the burst of 3, and at most one more token refilled at 1/s while the flood was sent
            assertThat(initAcks).isBetween(3, 4);
        }
        assertThat(dropped("init-rate")).isGreaterThanOrEqualTo(26);
        assertThat(server.setUpNodes()).isZero();
    }

    // --- b. Initial UE Message rate per association ---

    private static NasTransport.InitialUeMessage garbageInitialUe(long ranUeNgapId) {
        UserLocationInformation location = new UserLocationInformation.Nr(new NrCgi(PLMN, 0x10), new Tai(PLMN, 1));
        return new NasTransport.InitialUeMessage(ranUeNgapId, Octets.wrap(new byte[] {0x2e, 1, 2, 3}), location,
                RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of());
    }

    @Test
    void whenInitialUeMessagesExceedTheAssociationRate_thenTheExcessIsNotAdmittedAndAnsweredWithErrorIndication()
            throws Exception {
        start(limits(null, null, 1.0, 5, null, null, null));
        attachUeSide();
        Association gnb = gnb("127.0.0.1");
        send(gnb, setup(1));
        assertThat(next()).isInstanceOf(NgSetup.Response.class);

        for (int i = 0; i < 20; i++) {
            send(gnb, garbageInitialUe(i));
        }
        List<Long> admitted = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            switch (next()) {
                // admitted: the UE side ran and released the undecodable NAS (TS 38.413 8.3.3)
                case UeContextRelease.Command c -> {
                    assertThat(c.cause()).isEqualTo(CauseNas.UNSPECIFIED);
                    admitted.add(((io.liquid5gc.ngap.ie.UeNgapIds.Pair) c.ueNgapIds()).ranUeNgapId());
                }
                case ErrorIndication e -> {
                    assertThat(e.cause()).isEqualTo(CauseMisc.CONTROL_PROCESSING_OVERLOAD);
                    assertThat(e.amfUeNgapId()).isEqualTo(NgapMessage.ABSENT);
                    refused.add(e.ranUeNgapId());
                }
                case NgapMessage other -> throw new AssertionError("unexpected " + other);
            }
        }
        assertThat(admitted).as("the burst of 5, no time passed").containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
        assertThat(refused).containsExactlyInAnyOrder(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        assertThat(dropped("initial-ue-message-rate")).isEqualTo(15);

        clock.addAndGet(2_000_000_000L); // 2 s at 1/s: two more
        for (int i = 20; i < 23; i++) {
            send(gnb, garbageInitialUe(i));
        }
        List<Class<?>> kinds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            kinds.add(next().getClass());
        }
        assertThat(kinds).containsExactlyInAnyOrder(UeContextRelease.Command.class, UeContextRelease.Command.class,
                ErrorIndication.class);
    }

    // --- c. allow-lists ---

    @Test
    void whenTheGlobalRanNodeIdIsNotAllowed_thenNgSetupFailureWithOmIntervention() throws Exception {
        start(limits(null, null, null, null, List.of("001-01-gnb-11"), null, null));
        try (SimGnb stranger = new SimGnb("001", "01", 1, 0x12, List.of(SLICE));
                SimGnb listed = new SimGnb("001", "01", 1, 0x11, List.of(SLICE))) {
            assertThat(stranger.connect(server.udpAddress())).isInstanceOfSatisfying(NgSetup.Failure.class, f -> {
                assertThat(f.cause()).isEqualTo(CauseMisc.OM_INTERVENTION);
                assertThat(f.timeToWait()).as("the configured Time to Wait slows its retries").isNotNull();
            });
            assertThat(listed.connect(server.udpAddress())).isInstanceOf(NgSetup.Response.class);
            assertThat(server.setUpNodes()).isEqualTo(1);
        }
    }

    @Test
    void whenTheSourceAddressIsNotAllowed_thenTheGnbGetsNoAssociation() throws Exception {
        start(limits(null, null, null, null, null, List.of("127.0.0.2", "10.0.0.0/8"), null));
        UdpSctpEndpoint refused = UdpSctpEndpoint.builder().bind(new InetSocketAddress("127.0.0.1", 0)).sctpPort(38412)
                .handler((a, m) -> { }).start();
        closing.add(refused);
        assertThatThrownBy(() -> refused.connect(server.udpAddress(), 38412).get(1500, TimeUnit.MILLISECONDS))
                .as("no INIT ACK for 127.0.0.1").isInstanceOf(TimeoutException.class);
        assertThat(dropped("init-source")).isGreaterThanOrEqualTo(1);

        Association allowed = gnb("127.0.0.2");
        send(allowed, setup(2));
        assertThat(next()).isInstanceOf(NgSetup.Response.class);
        assertThat(server.setUpNodes()).isEqualTo(1);
    }

    // --- d. NGAP only with PPID 60 ---

    @Test
    void whenDataCarriesAnotherPpid_thenItIsDroppedUndecodedAndCounted() throws Exception {
        start(limits(null, null, null, null, null, null, null));
        Association gnb = gnb("127.0.0.1");
        byte[] ngSetup = NgapCodec.encode(setup(3));
        assertThat(gnb.trySend(new SctpMessage(0, 0, false, ngSetup))).isTrue(); // PPID 0: unspecified
        assertThat(gnb.trySend(new SctpMessage(0, 46, false, ngSetup))).isTrue(); // 46: Diameter
        assertThat(received.poll(700, TimeUnit.MILLISECONDS)).as("no answer to non-NGAP DATA").isNull();
        assertThat(dropped("ppid")).isEqualTo(2);
        assertThat(server.setUpNodes()).isZero();

        assertThat(gnb.trySend(SctpMessage.ngap(0, ngSetup))).isTrue();
        assertThat(next()).isInstanceOf(NgSetup.Response.class);
    }

    @Test
    void whenPpidCheckIsOff_thenAnotherPpidIsDecodedAsNgap() throws Exception {
        start(limits(null, null, null, null, null, null, false));
        Association gnb = gnb("127.0.0.1");
        assertThat(gnb.trySend(new SctpMessage(0, 0, false, NgapCodec.encode(setup(4))))).isTrue();
        assertThat(next()).isInstanceOf(NgSetup.Response.class);
    }
}
