package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.DeregistrationType;
import io.liquid5gc.nas.ie.Dnn;
import io.liquid5gc.nas.ie.IntegrityProtectionMaxDataRate;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.PayloadContainerType;
import io.liquid5gc.nas.ie.PduSessionBitmap;
import io.liquid5gc.nas.ie.PduSessionType;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.RequestType;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.ServiceType;
import io.liquid5gc.nas.ie.SscMode;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.sm.SmCause;
import io.liquid5gc.nas.sm.SmMessage;
import io.liquid5gc.sbi.amf.DeregistrationAccessType;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.DownlinkSm;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.smf.PduAddress;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.QosFlowDescription;
import io.liquid5gc.sbi.smf.QosRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NAS mapping of de-registration, service request and NAS transport, both ways: uplink messages are encoded with
 * lib-nas and read back through the proxy's decoding path (bytes, lib-nas decoder, mapping), downlink ones are
 * mapped, encoded and decoded again with lib-nas.
 */
class NasMappingProceduresTest {

    private static final MobileIdentity.Guti GUTI = new MobileIdentity.Guti(new PlmnId("001", "01"), 0x01, 0x004, 0x00, 0x0000002a);

    /** What the proxy's uplink path gives the AMF for a message the UE sent. */
    private static UplinkNas uplink(GmmMessage sent) {
        DecodeResult<GmmMessage> d = NasCodec.decodeGmm(NasCodec.encode(sent));
        assertThat(d).isInstanceOf(DecodeResult.Ok.class);
        return NasMapping.toUplink(((DecodeResult.Ok<GmmMessage>) d).value()).orElseThrow();
    }

    /** What the UE reads from a downlink message the AMF asked for. */
    private static GmmMessage downlink(DownlinkNas m) {
        DecodeResult<GmmMessage> d = NasCodec.decodeGmm(NasCodec.encode(NasMapping.toGmm(m)));
        assertThat(d).isInstanceOf(DecodeResult.Ok.class);
        return ((DecodeResult.Ok<GmmMessage>) d).value();
    }

    // ---- uplink

    @Test
    void whenUeDeregisters_thenTheSwitchOffBitAccessTypeKsiAndGutiReachTheAmf() {
        UplinkNas normal = uplink(new GmmMessage.DeregistrationRequestUeOriginating(
                new DeregistrationType(false, false, DeregistrationType.ACCESS_3GPP), NgKsi.native_(1), GUTI, List.of()));
        assertThat(normal).isEqualTo(new UplinkNas.DeregistrationRequest(false, DeregistrationAccessType.THREE_GPP_ACCESS, 1,
                io.liquid5gc.sbi.amf.MobileIdentity.guti("00101-0100400-0000002a")));

        UplinkNas.DeregistrationRequest off = (UplinkNas.DeregistrationRequest) uplink(new GmmMessage.DeregistrationRequestUeOriginating(
                new DeregistrationType(true, false, DeregistrationType.ACCESS_NON_3GPP), NgKsi.NO_KEY, GUTI, List.of()));
        assertThat(off.switchOff()).isTrue();
        assertThat(off.accessType()).isEqualTo(DeregistrationAccessType.NON_3GPP_ACCESS);
        assertThat(off.ngKsi()).isEqualTo(7);

        UplinkNas.DeregistrationRequest both = (UplinkNas.DeregistrationRequest) uplink(new GmmMessage.DeregistrationRequestUeOriginating(
                new DeregistrationType(false, false, DeregistrationType.ACCESS_BOTH), NgKsi.native_(2), GUTI, List.of()));
        assertThat(both.accessType()).isEqualTo(DeregistrationAccessType.BOTH);
    }

    @Test
    void whenUeAcceptsTheNetworksDeregistration_thenTheAmfGetsTheAccept() {
        assertThat(uplink(new GmmMessage.DeregistrationAcceptUeTerminated(List.of()))).isEqualTo(new UplinkNas.DeregistrationAccept());
    }

    @Test
    void whenUeAsksForService_thenTheServiceTypeAndTheSessionBitmapsReachTheAmfAsIds() {
        UplinkNas sr = uplink(new GmmMessage.ServiceRequest(NgKsi.native_(1), ServiceType.DATA, new MobileIdentity.STmsi(0x004, 0x00, 0x0000002a),
                PduSessionBitmap.of(1, 5), PduSessionBitmap.of(1, 5, 15), null, null, List.of()));

        assertThat(sr).isEqualTo(new UplinkNas.ServiceRequest(io.liquid5gc.sbi.amf.ServiceType.DATA, 1,
                new io.liquid5gc.sbi.amf.MobileIdentity(io.liquid5gc.sbi.amf.MobileIdentity.Type.S_TMSI, "00400-0000002a"),
                List.of(1, 5), List.of(1, 5, 15)));
    }

    @Test
    void whenServiceRequestIsForSignallingWithoutBitmaps_thenTheAmfSeesSignallingAndNoLists() {
        UplinkNas.ServiceRequest sr = (UplinkNas.ServiceRequest) uplink(new GmmMessage.ServiceRequest(NgKsi.native_(0), ServiceType.SIGNALLING,
                new MobileIdentity.STmsi(0x3FF, 0x3F, 0xFFFFFFFF), null, null, null, null, List.of()));

        assertThat(sr.serviceType()).isEqualTo(io.liquid5gc.sbi.amf.ServiceType.SIGNALLING);
        assertThat(sr.uplinkDataStatus()).isNull();
        assertThat(sr.pduSessionStatus()).isNull();
        assertThat(sr.sTmsi().value()).isEqualTo("3ff3f-ffffffff");
    }

    @Test
    void whenUlNasTransportCarriesAnEstablishmentRequest_thenTheAmfGetsTheSessionSliceDnnAndTheRequest() {
        byte[] sm = NasCodec.encode(new SmMessage.PduSessionEstablishmentRequest(5, 1, IntegrityProtectionMaxDataRate.full(),
                PduSessionType.IPV4, SscMode.SSC_MODE_1, null, null, null, List.of()));

        UplinkNas ul = uplink(new GmmMessage.UlNasTransport(PayloadContainerType.N1_SM_INFORMATION, sm, 5, null, RequestType.INITIAL_REQUEST,
                SNssai.of(1, 0x010203), new Dnn("internet"), null, List.of()));

        assertThat(ul).isEqualTo(new UplinkNas.UlNasTransport(5, "INITIAL_REQUEST", new Snssai(1, "010203"), "internet",
                new UplinkSm.PduSessionEstablishmentRequest(1, "IPV4", "SSC_MODE_1")));
    }

    @Test
    void whenUlNasTransportCarriesAReleaseRequest_thenTheAmfGetsItWithoutSliceOrDnn() {
        byte[] sm = NasCodec.encode(new SmMessage.PduSessionReleaseRequest(5, 4, SmCause.REGULAR_DEACTIVATION, null, List.of()));

        UplinkNas ul = uplink(new GmmMessage.UlNasTransport(PayloadContainerType.N1_SM_INFORMATION, sm, 5, null, null, null, null, null, List.of()));

        assertThat(ul).isEqualTo(new UplinkNas.UlNasTransport(5, null, null, null, new UplinkSm.PduSessionReleaseRequest(4, 36)));
    }

    @Test
    void whenUlNasTransportCarriesNoSessionManagement_thenItIsNotForTheAmfsRelay() {
        GmmMessage sms = new GmmMessage.UlNasTransport(PayloadContainerType.SMS, new byte[] {1, 2, 3}, null, null, null, null, null, null, List.of());
        DecodeResult<GmmMessage> d = NasCodec.decodeGmm(NasCodec.encode(sms));

        assertThat(NasMapping.toUplink(((DecodeResult.Ok<GmmMessage>) d).value())).isEmpty();
    }

    // ---- downlink

    @Test
    void whenTheAmfAcceptsADeregistration_thenTheUeReadsTheUeOriginatingAccept() {
        assertThat(downlink(new DownlinkNas.DeregistrationAccept())).isInstanceOf(GmmMessage.DeregistrationAcceptUeOriginating.class);
    }

    @Test
    void whenTheNetworkDeregisters_thenTheUeReadsReRegistrationAccessTypeAndCause() {
        assertThat(downlink(new DownlinkNas.DeregistrationRequest(true, 0)))
                .isInstanceOfSatisfying(GmmMessage.DeregistrationRequestUeTerminated.class, r -> {
                    assertThat(r.deregistrationType()).isEqualTo(new DeregistrationType(false, true, DeregistrationType.ACCESS_3GPP));
                    assertThat(r.cause()).isNull();
                });
        assertThat(downlink(new DownlinkNas.DeregistrationRequest(false, 22)))
                .isInstanceOfSatisfying(GmmMessage.DeregistrationRequestUeTerminated.class, r -> {
                    assertThat(r.deregistrationType().reRegistrationRequired()).isFalse();
                    assertThat(r.cause().code).isEqualTo(22);
                });
    }

    @Test
    void whenTheAmfAcceptsTheServiceRequest_thenTheUeReadsTheSessionStatusAndTheReactivationResult() {
        assertThat(downlink(new DownlinkNas.ServiceAccept(List.of(1, 5), List.of(5))))
                .isInstanceOfSatisfying(GmmMessage.ServiceAccept.class, a -> {
                    assertThat(a.pduSessionStatus()).isEqualTo(PduSessionBitmap.of(1, 5));
                    assertThat(a.pduSessionReactivationResult()).isEqualTo(PduSessionBitmap.of(5));
                });
        assertThat(downlink(new DownlinkNas.ServiceAccept(null, null)))
                .isInstanceOfSatisfying(GmmMessage.ServiceAccept.class, a -> {
                    assertThat(a.pduSessionStatus()).isNull();
                    assertThat(a.pduSessionReactivationResult()).isNull();
                });
    }

    @Test
    void whenTheAmfRejectsTheServiceRequest_thenTheUeReadsTheCause() {
        assertThat(downlink(new DownlinkNas.ServiceReject(9)))
                .isInstanceOfSatisfying(GmmMessage.ServiceReject.class, r -> assertThat(r.cause()).isEqualTo(GmmCause.fromCode(9)));
        assertThat(downlink(new DownlinkNas.ServiceReject(10)))
                .isInstanceOfSatisfying(GmmMessage.ServiceReject.class, r -> assertThat(r.cause().code).isEqualTo(10));
    }

    @Test
    void whenTheAmfRelaysTheAccept_thenTheUeReadsADlNasTransportWithTheSessionAndTheAcceptInside() {
        PduSessionEstablishmentAccept accept = new PduSessionEstablishmentAccept(5, "IPV4", "SSC_MODE_1",
                List.of(new QosRule(1, true, 255, List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), 1)),
                new Ambr("1 Gbps", "2 Gbps"), new PduAddress("IPV4", "10.45.0.2"), new Snssai(1, "010203"), "internet", null,
                List.of(new QosFlowDescription(1, 9, null, null, null, null)));

        GmmMessage m = downlink(new DownlinkNas.DlNasTransport(5, new DownlinkSm.EstablishmentAccept(3, accept), null));

        assertThat(m).isInstanceOfSatisfying(GmmMessage.DlNasTransport.class, t -> {
            assertThat(t.payloadContainerType()).isEqualTo(PayloadContainerType.N1_SM_INFORMATION);
            assertThat(t.pduSessionId()).isEqualTo(5);
            assertThat(t.cause()).isNull();
            assertThat(t.payloadContainer()).isEqualTo(SmMapping.encode(5, new DownlinkSm.EstablishmentAccept(3, accept)));
            assertThat(((DecodeResult.Ok<SmMessage>) NasCodec.decodeSm(t.payloadContainer())).value())
                    .isInstanceOfSatisfying(SmMessage.PduSessionEstablishmentAccept.class, a -> {
                        assertThat(a.pduSessionId()).isEqualTo(5);
                        assertThat(a.pti()).isEqualTo(3);
                        assertThat(a.dnn()).isEqualTo(new Dnn("internet"));
                    });
        });
    }

    @Test
    void whenThePayloadWasNotForwarded_thenTheUeReadsCause90ForTheSession() {
        assertThat(downlink(new DownlinkNas.DlNasTransport(1, null, 90))).isInstanceOfSatisfying(GmmMessage.DlNasTransport.class, t -> {
            assertThat(t.pduSessionId()).isEqualTo(1);
            assertThat(t.cause()).isEqualTo(GmmCause.fromCode(90));
            assertThat(t.cause().code).isEqualTo(90);
        });
    }

    @Test
    void whenTheReleaseCommandIsRelayed_thenTheUeReadsIt() {
        assertThat(downlink(new DownlinkNas.DlNasTransport(6, new DownlinkSm.ReleaseCommand(2, 36), null)))
                .isInstanceOfSatisfying(GmmMessage.DlNasTransport.class, t -> assertThat(((DecodeResult.Ok<SmMessage>) NasCodec.decodeSm(t.payloadContainer())).value())
                        .isInstanceOfSatisfying(SmMessage.PduSessionReleaseCommand.class, c -> {
                            assertThat(c.pduSessionId()).isEqualTo(6);
                            assertThat(c.cause()).isEqualTo(SmCause.REGULAR_DEACTIVATION);
                        }));
    }
}
