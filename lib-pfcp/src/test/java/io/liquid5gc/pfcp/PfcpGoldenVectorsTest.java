package io.liquid5gc.pfcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.pfcp.GroupedIe.UsageReport;
import io.liquid5gc.pfcp.Ie.Cause;
import io.liquid5gc.pfcp.UsageIe.UsageReportTrigger;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The UPF's own messages (src/test/resources/io/liquid5gc/pfcp/upf/, see its README) decode to their values and re-encode unchanged. */
class PfcpGoldenVectorsTest {

    private static byte[] vector(String name) throws IOException {
        try (InputStream in = PfcpGoldenVectorsTest.class.getResourceAsStream("upf/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static <T extends PfcpMessage> T decode(String name, Class<T> type) throws IOException {
        byte[] octets = vector(name);
        DecodeResult r = PfcpCodec.decode(octets);
        assertThat(r).as(name + ": " + r).isInstanceOf(DecodeResult.Decoded.class);
        PfcpMessage m = ((DecodeResult.Decoded) r).message();
        assertThat(PfcpCodec.encode(m)).as(name + " re-encoded").isEqualTo(octets);
        return type.cast(m);
    }

    @Test
    void whenTheUpfAcceptsTheAssociation_thenNodeIdCauseStampAndFeaturesAreRead() throws IOException {
        var m = decode("association-setup-response", NodeMessage.AssociationSetupResponse.class);
        assertThat(m.nodeId()).isEqualTo(NodeIe.NodeId.of(PfcpSamples.v4("10.203.31.2")));
        assertThat(m.cause().value()).isEqualTo(Cause.Value.REQUEST_ACCEPTED);
        assertThat(m.recoveryTimeStamp().toInstant()).isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(m.upFunctionFeatures().octets()).hasSize(4);
    }

    @Test
    void whenTheUpfHeartbeats_thenItsRecoveryTimeStampIsTheAssociationOne() throws IOException {
        var hb = decode("heartbeat-request", NodeMessage.HeartbeatRequest.class);
        var setup = decode("association-setup-response", NodeMessage.AssociationSetupResponse.class);
        assertThat(hb.recoveryTimeStamp()).isEqualTo(setup.recoveryTimeStamp());
    }

    @Test
    void whenTheUpfEstablishesTheSession_thenItsSeidAndChosenFTeidAreRead() throws IOException {
        var m = decode("session-establishment-response", SessionMessage.SessionEstablishmentResponse.class);
        assertThat(m.header().seid()).isEqualTo(0x1001);
        assertThat(m.upFSeid().seid()).isEqualTo(0x3941);
        assertThat(m.createdPdrs()).hasSize(1);
        assertThat(m.createdPdrs().getFirst().pdrId().id()).isEqualTo(1);
        assertThat(m.createdPdrs().getFirst().localFTeid()).isEqualTo(TunnelIe.FTeid.of(0x9e7d, PfcpSamples.v4("10.203.31.2")));
    }

    @Test
    void whenTheUpfDeletesTheSession_thenTheFinalUsageReportCarriesTheMeasuredVolumes() throws IOException {
        decode("session-modification-response", SessionMessage.SessionModificationResponse.class);
        var m = decode("session-deletion-response", SessionMessage.SessionDeletionResponse.class);
        assertThat(m.cause().value()).isEqualTo(Cause.Value.REQUEST_ACCEPTED);
        UsageReport u = m.usageReports().getFirst();
        assertThat(u.type()).isEqualTo(UsageReport.IN_DELETION_RESPONSE);
        assertThat(u.trigger().has(UsageReportTrigger.TERMR)).isTrue();
        assertThat(u.volumeMeasurement()).isEqualTo(new UsageIe.VolumeMeasurement(88L, 44L, 44L, 2L, 1L, 1L));
        assertThat(u.other()).extracting(Ie::type).containsExactly(69, 70); // Time of First/Last Packet, kept
    }

    @Test
    void whenTheSessionIsGone_thenTheUpfAnswersSessionContextNotFound() throws IOException {
        var m = decode("session-deletion-response-not-found", SessionMessage.SessionDeletionResponse.class);
        assertThat(m.cause().value()).isEqualTo(Cause.Value.SESSION_CONTEXT_NOT_FOUND);
        assertThat(m.header().seid()).isZero();
    }
}
