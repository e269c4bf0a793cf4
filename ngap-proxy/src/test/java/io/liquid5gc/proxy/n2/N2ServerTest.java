package io.liquid5gc.proxy.n2;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.ResetType;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.TimeToWait;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.NgReset;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.RanConfigurationUpdate;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.udp.UdpSctpEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy's N2 non-UE procedures against a gNB that speaks SCTP over UDP on loopback, with real NGAP encoding. */
class N2ServerTest {

    private static final PlmnIdentity PLMN = PlmnIdentity.of("001", "01");
    private static final SNssai SLICE = new SNssai(1, 0x010203);

    private N2Server server;
    private UdpSctpEndpoint gnb;
    private Association association;
    private final BlockingQueue<NgapMessage> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        ProxyProperties props = ProxyProperties.bind(java.util.Map.of("amf-name", "amf-under-test", "tacs", "1,7",
                "time-to-wait-seconds", "10", "sctp.udp-bind-address", "127.0.0.1", "sctp.udp-port", "0", "sctp.kernel", "off"));
        server = new N2Server(props, new SimpleMeterRegistry());
        server.start();
        gnb = UdpSctpEndpoint.builder().bind(new InetSocketAddress("127.0.0.1", 0)).sctpPort(38412)
                .handler(new AssociationHandler() {
                    @Override
                    public void onMessage(Association a, SctpMessage m) {
                        switch (NgapCodec.decode(m.payload())) {
                            case DecodeResult.Decoded d -> received.add(d.message());
                            case DecodeResult.DecodeError e -> throw new AssertionError("the proxy sent undecodable NGAP: " + e.detail());
                        }
                    }
                }).start();
        association = gnb.connect(server.udpAddress(), 38412).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        gnb.close();
        server.stop();
    }

    private void send(NgapMessage m) {
        assertThat(association.trySend(SctpMessage.ngap(0, NgapCodec.encode(m)))).isTrue();
    }

    private NgapMessage next() throws InterruptedException {
        NgapMessage m = received.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("an answer from the proxy").isNotNull();
        return m;
    }

    private static NgSetup.Request setup(PlmnIdentity plmn, int tac, SNssai slice) {
        return new NgSetup.Request(new GlobalRanNodeId.Gnb(plmn, 0x000001, 22), "gnb-test",
                List.of(new SupportedTaItem(tac, List.of(new BroadcastPlmnItem(plmn, List.of(slice))))), PagingDrx.values()[2], List.of());
    }

    @Test
    void whenTheProxyStops_thenEverySetUpGnbHearsItsGuamisAreUnavailableBeforeTheAssociationCloses() throws Exception {
        server.shutdown(new N2ShutdownProperties(true, java.time.Duration.ofMillis(300), "amf-b", true));
        send(setup(PLMN, 1, SLICE));
        assertThat(next()).isInstanceOf(NgSetup.Response.class);
        server.stop();
        NgapMessage m = next();
        assertThat(m).isInstanceOf(io.liquid5gc.ngap.message.AmfStatusIndication.class);
        var item = ((io.liquid5gc.ngap.message.AmfStatusIndication) m).unavailableGuamis().getFirst();
        assertThat(item.guami().plmn()).isEqualTo(PLMN);
        assertThat(item.backupAmfName()).isEqualTo("amf-b");
        assertThat(item.timerApproachForGuamiRemoval()).isTrue();
    }

    @Test
    void whenNoGnbIsSetUp_thenStoppingSendsNothing() throws Exception {
        server.stop();
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void whenTheOsHasNoSctpAndKernelIsAuto_thenOnlySctpOverUdpListens() {
        org.junit.jupiter.api.Assumptions.assumeFalse(io.liquid5gc.sctp.kernel.KernelSctpEndpoint.isSupported(), "this OS has kernel SCTP");
        assertThat(server.kernelAddress()).isNull();
        assertThat(server.udpAddress()).isNotNull();
    }

    @Test
    void whenKernelSctpIsRequiredButMissing_thenStartFailsSayingWhy() {
        org.junit.jupiter.api.Assumptions.assumeFalse(io.liquid5gc.sctp.kernel.KernelSctpEndpoint.isSupported(), "this OS has kernel SCTP");
        N2Server kernelOnly = new N2Server(ProxyProperties.bind(java.util.Map.of("sctp.udp-bind-address", "127.0.0.1",
                "sctp.udp-port", "0", "sctp.kernel", "on", "sctp.kernel-bind-address", "127.0.0.1", "sctp.udp", "false")), new SimpleMeterRegistry());
        org.assertj.core.api.Assertions.assertThatThrownBy(kernelOnly::start).hasMessageContaining("liquid5gc.proxy.sctp.kernel=on");
    }

    @Test
    void whenTheOsHasSctp_thenAGnbConnectsOverKernelSctp() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.liquid5gc.sctp.kernel.KernelSctpEndpoint.isSupported(),
                "no kernel SCTP here: " + io.liquid5gc.sctp.kernel.KernelSctpEndpoint.unsupportedReason());
        N2Server kernel = new N2Server(ProxyProperties.bind(java.util.Map.of("tacs", "1", "sctp.udp-bind-address", "127.0.0.1",
                "sctp.udp-port", "0", "sctp.sctp-port", "0", "sctp.kernel", "on", "sctp.kernel-bind-address", "127.0.0.1", "sctp.udp", "false")), new SimpleMeterRegistry());
        kernel.start();
        try (io.liquid5gc.sctp.kernel.KernelSctpEndpoint client = io.liquid5gc.sctp.kernel.KernelSctpEndpoint.start(null,
                io.liquid5gc.sctp.SctpConfig.defaults(), new AssociationHandler() {
                    @Override
                    public void onMessage(Association a, SctpMessage m) {
                        if (NgapCodec.decode(m.payload()) instanceof DecodeResult.Decoded d) {
                            received.add(d.message());
                        }
                    }
                })) {
            Association a = client.connect(kernel.kernelAddress(), kernel.kernelAddress().getPort()).get(5, TimeUnit.SECONDS);
            a.trySend(SctpMessage.ngap(0, NgapCodec.encode(setup(PLMN, 1, SLICE))));
            assertThat(next()).isInstanceOf(NgSetup.Response.class);
        } finally {
            kernel.stop();
        }
    }

    @Test
    void whenTheGnbServesOurPlmnTacAndSlice_thenNgSetupResponseWithOurGuamiAndSlices() throws Exception {
        send(setup(PLMN, 7, SLICE));
        NgapMessage answer = next();
        assertThat(answer).isInstanceOfSatisfying(NgSetup.Response.class, r -> {
            assertThat(r.amfName()).isEqualTo("amf-under-test");
            assertThat(r.servedGuamiList()).singleElement().satisfies(g -> {
                assertThat(g.guami().plmn()).isEqualTo(PLMN);
                assertThat(g.guami().amfRegionId()).isEqualTo(1);
            });
            assertThat(r.plmnSupportList()).singleElement().satisfies(p -> assertThat(p.sliceSupport()).containsExactly(SLICE));
            assertThat(r.relativeAmfCapacity()).isEqualTo(255);
        });
        assertThat(server.setUpNodes()).isEqualTo(1);
    }

    @Test
    void whenTheGnbBroadcastsAnotherPlmn_thenNgSetupFailureUnknownPlmnWithTimeToWait() throws Exception {
        send(setup(PlmnIdentity.of("208", "93"), 1, SLICE));
        assertThat(next()).isInstanceOfSatisfying(NgSetup.Failure.class, f -> {
            assertThat(f.cause()).isEqualTo(CauseMisc.UNKNOWN_PLMN_OR_SNPN);
            assertThat(f.timeToWait()).isEqualTo(TimeToWait.V10S);
        });
        assertThat(server.setUpNodes()).isZero();
    }

    @Test
    void whenTheGnbHasNoServedSlice_thenNgSetupFailureSliceNotSupported() throws Exception {
        send(setup(PLMN, 1, new SNssai(2, SNssai.NO_SD)));
        assertThat(next()).isInstanceOfSatisfying(NgSetup.Failure.class, f -> assertThat(f.cause()).isEqualTo(CauseRadioNetwork.SLICE_NOT_SUPPORTED));
    }

    @Test
    void whenTheGnbHasNoServedTac_thenNgSetupFailure() throws Exception {
        send(setup(PLMN, 99, SLICE));
        assertThat(next()).isInstanceOfSatisfying(NgSetup.Failure.class, f -> assertThat(f.cause()).isEqualTo(CauseMisc.UNSPECIFIED));
    }

    @Test
    void whenAnotherProcedureComesBeforeNgSetup_thenErrorIndicationNotCompatibleWithState() throws Exception {
        send(new NgReset.Request(CauseMisc.OM_INTERVENTION, new ResetType.NgInterface(), List.of()));
        assertThat(next()).isInstanceOfSatisfying(ErrorIndication.class,
                e -> assertThat(e.cause()).isEqualTo(CauseProtocol.MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE));
    }

    @Test
    void whenTheGnbSendsGarbage_thenErrorIndicationWithAProtocolCause() throws Exception {
        assertThat(association.trySend(SctpMessage.ngap(0, new byte[] {0x00, 0x15, (byte) 0xff, 0x7f, 0x01}))).isTrue();
        assertThat(next()).isInstanceOfSatisfying(ErrorIndication.class, e -> assertThat(e.cause()).isInstanceOf(CauseProtocol.class));
    }

    @Test
    void whenSetUpThenResetAndReconfigured_thenAcknowledged() throws Exception {
        send(setup(PLMN, 1, SLICE));
        assertThat(next()).isInstanceOf(NgSetup.Response.class);
        send(new NgReset.Request(CauseMisc.OM_INTERVENTION, new ResetType.NgInterface(), List.of()));
        assertThat(next()).isInstanceOfSatisfying(NgReset.Acknowledge.class, a -> assertThat(a.connections()).isNull());
        send(new RanConfigurationUpdate.Request("gnb-renamed", List.of(new SupportedTaItem(7, List.of(new BroadcastPlmnItem(PLMN, List.of(SLICE))))),
                null, null, List.of()));
        assertThat(next()).isInstanceOf(RanConfigurationUpdate.Acknowledge.class);
        send(new RanConfigurationUpdate.Request(null, List.of(new SupportedTaItem(7, List.of(new BroadcastPlmnItem(PlmnIdentity.of("999", "99"), List.of(SLICE))))),
                null, null, List.of()));
        assertThat(next()).isInstanceOfSatisfying(RanConfigurationUpdate.Failure.class, f -> assertThat(f.cause()).isEqualTo(CauseMisc.UNKNOWN_PLMN_OR_SNPN));
    }

    /** id-NID (ProtocolIE-ID 263) with criticality reject: an extension this AMF does not comprehend. */
    private static final io.liquid5gc.ngap.ie.RawExtension NID_REJECT = new io.liquid5gc.ngap.ie.RawExtension(263,
            io.liquid5gc.ngap.ie.Criticality.REJECT, io.liquid5gc.ngap.ie.Octets.ofHex("123456789ab0"));

    @Test
    void whenNgSetupCarriesANotComprehendedRejectExtension_thenNgSetupFailureAbstractSyntaxErrorRejectNamingIt() throws Exception {
        send(new NgSetup.Request(new GlobalRanNodeId.Gnb(PLMN, 0x000001, 22), "gnb-test",
                List.of(new SupportedTaItem(7, List.of(new BroadcastPlmnItem(PLMN, List.of(SLICE))), List.of(NID_REJECT))),
                PagingDrx.values()[2], List.of()));
        assertThat(next()).isInstanceOfSatisfying(NgSetup.Failure.class, f -> {
            assertThat(f.cause()).isEqualTo(CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT);
            assertThat(f.criticalityDiagnostics().procedureCode()).isEqualTo(21); // id-NGSetup
            assertThat(f.criticalityDiagnostics().ies()).singleElement().satisfies(ie -> {
                assertThat(ie.ieId()).isEqualTo(263);
                assertThat(ie.typeOfError()).isEqualTo(io.liquid5gc.ngap.ie.TypeOfError.NOT_UNDERSTOOD);
            });
        });
        assertThat(server.setUpNodes()).isZero();
    }

    @Test
    void whenTheExtensionHasCriticalityIgnore_thenTheNgSetupIsAccepted() throws Exception {
        io.liquid5gc.ngap.ie.RawExtension ignore = new io.liquid5gc.ngap.ie.RawExtension(263,
                io.liquid5gc.ngap.ie.Criticality.IGNORE, io.liquid5gc.ngap.ie.Octets.ofHex("123456789ab0"));
        send(new NgSetup.Request(new GlobalRanNodeId.Gnb(PLMN, 0x000001, 22), "gnb-test",
                List.of(new SupportedTaItem(7, List.of(new BroadcastPlmnItem(PLMN, List.of(SLICE))), List.of(ignore))),
                PagingDrx.values()[2], List.of()));
        assertThat(next()).isInstanceOf(NgSetup.Response.class);
    }

    @Test
    void whenAnInitialUeMessageCarriesANotComprehendedRejectExtension_thenErrorIndicationWithItsRanUeNgapId() throws Exception {
        send(setup(PLMN, 7, SLICE));
        assertThat(next()).isInstanceOf(NgSetup.Response.class);
        io.liquid5gc.ngap.ie.Tai tai = new io.liquid5gc.ngap.ie.Tai(PLMN, 7);
        io.liquid5gc.ngap.ie.NrCgi cgi = new io.liquid5gc.ngap.ie.NrCgi(PLMN, 0x10L);
        send(new io.liquid5gc.ngap.message.NasTransport.InitialUeMessage(42, io.liquid5gc.ngap.ie.Octets.ofHex("7e004179"),
                new io.liquid5gc.ngap.ie.UserLocationInformation.Nr(cgi, tai, null, List.of(NID_REJECT)),
                io.liquid5gc.ngap.ie.RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of()));
        assertThat(next()).isInstanceOfSatisfying(ErrorIndication.class, e -> {
            assertThat(e.cause()).isEqualTo(CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT);
            assertThat(e.ranUeNgapId()).isEqualTo(42);
            assertThat(e.criticalityDiagnostics().procedureCode()).isEqualTo(15); // id-InitialUEMessage
            assertThat(e.criticalityDiagnostics().ies()).singleElement().satisfies(ie -> assertThat(ie.ieId()).isEqualTo(263));
        });
    }
}
