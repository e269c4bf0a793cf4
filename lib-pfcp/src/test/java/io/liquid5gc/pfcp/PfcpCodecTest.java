package io.liquid5gc.pfcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.pfcp.NodeIe.RecoveryTimeStamp;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec against the octets of TS 29.244 7.2 and 8, every decode error, and nothing dropped on re-encoding. */
class PfcpCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    private static PfcpMessage decoded(byte[] octets) {
        DecodeResult r = PfcpCodec.decode(octets);
        assertThat(r).as(r.toString()).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

    private static DecodeResult.Failed failed(byte[] octets) {
        DecodeResult r = PfcpCodec.decode(octets);
        assertThat(r).as(r.toString()).isInstanceOf(DecodeResult.Failed.class);
        return (DecodeResult.Failed) r;
    }

    @Test
    void whenEverySampleIsEncodedAndDecoded_thenTheSameMessageComesBack() {
        for (PfcpMessage m : PfcpSamples.all()) {
            byte[] octets = PfcpCodec.encode(m);
            assertThat(decoded(octets)).isEqualTo(m);
            assertThat(PfcpCodec.encode(decoded(octets))).isEqualTo(octets);
        }
    }

    @Test
    void whenHeartbeatRequestIsEncoded_thenOctetsFollowTs29244() {
        byte[] octets = PfcpCodec.encode(new NodeMessage.HeartbeatRequest(PfcpHeader.node(7), new RecoveryTimeStamp(0xE8F1_2345L), List.of()));
        // 7.2.2.1: version 1, no S; type 1; length 12; sequence 7; spare; 8.2.65: type 96, length 4, NTP seconds
        assertThat(HEX.formatHex(octets)).isEqualTo("2001000c" + "00000700" + "00600004e8f12345");
    }

    @Test
    void whenSessionMessageIsEncoded_thenHeaderCarriesSeidAndPriority() {
        byte[] octets = PfcpCodec.encode(new SessionMessage.SessionDeletionRequest(new PfcpHeader(0x0102030405060708L, 0xABCDEF, 5), List.of()));
        // 7.2.2.3: S and MP set; SEID 8 octets; sequence 3 octets; priority in the high nibble
        assertThat(HEX.formatHex(octets)).isEqualTo("2336000c" + "0102030405060708" + "abcdef50");
        assertThat(decoded(octets).header()).isEqualTo(new PfcpHeader(0x0102030405060708L, 0xABCDEF, 5));
    }

    @Test
    void whenRulesAreEncoded_thenApplyActionIsTwoOctetsAndReportingTriggersThree() {
        String hex = HEX.formatHex(PfcpCodec.encode(PfcpSamples.sessionEstablishmentRequest()));
        assertThat(hex).contains("002c00020200"); // Apply Action FORW (8.2.26, 2 octets)
        assertThat(hex).contains("002c00020c00"); // Apply Action BUFF|NOCP
        assertThat(hex).contains("00250003020100"); // Reporting Triggers VOLTH, VOLQU (8.2.19, 3 octets)
        assertThat(hex).contains("00a000010b").contains("00a0000111"); // 3GPP Interface Type N3 3GPP Access, N6
        assertThat(hex).contains("001500020d" + "01"); // F-TEID V4, CH, CHID with CHOOSE ID 1 (8.2.3)
        assertThat(hex).contains("005d000502" + "0a2d0002").contains("005d000506" + "0a2d0002"); // UE IP source, destination
        assertThat(hex).contains("007100010" + "1"); // PDN Type IPv4
    }

    @Test
    void whenUnknownAndEnterpriseIesArrive_thenTheyAreKeptAndReencodedUnchanged() {
        // Heartbeat Request with Recovery Time Stamp, Source IP Address (type 192, not modelled) and an enterprise IE
        // (type 0x8001, Enterprise ID 0x0009, 8.1.1), and Create PDR's sibling with an SDF Filter (type 23) inside a PDI
        String body = "00600004e8f12345" + "00c00005020a000001" + "80010004" + "0009" + "abcd";
        byte[] octets = HEX.parseHex("2001" + String.format("%04x", 4 + body.length() / 2) + "00000700" + body);
        PfcpMessage m = decoded(octets);
        assertThat(((NodeMessage.HeartbeatRequest) m).other()).containsExactly(
                new Ie.Unknown(192, HEX.parseHex("020a000001")), new Ie.Unknown(0x8001, HEX.parseHex("0009abcd")));
        assertThat(PfcpCodec.encode(m)).isEqualTo(octets);
    }

    @Test
    void whenGroupedIeCarriesAnUnmodelledIe_thenItIsKeptInOther() {
        GroupedIe.CreatePdr pdr = PfcpSamples.sessionEstablishmentRequest().createPdrs().getFirst();
        Ie sdf = new Ie.Unknown(23, HEX.parseHex("0100" + "0011" + HEX.formatHex("permit out ip from any to assigned".getBytes()).substring(0, 34)));
        GroupedIe.Pdi pdi = new GroupedIe.Pdi(pdr.pdi().sourceInterface(), pdr.pdi().localFTeid(), null, null, null, null, List.of(sdf));
        var req = new SessionMessage.SessionEstablishmentRequest(PfcpHeader.session(0, 9), PfcpSamples.sessionEstablishmentRequest().nodeId(),
                PfcpSamples.sessionEstablishmentRequest().cpFSeid(),
                List.of(new GroupedIe.CreatePdr(pdr.pdrId(), pdr.precedence(), pdi, null, pdr.farId(), List.of(), List.of(), List.of())),
                PfcpSamples.sessionEstablishmentRequest().createFars(), List.of(), List.of(), null, List.of());
        var back = (SessionMessage.SessionEstablishmentRequest) decoded(PfcpCodec.encode(req));
        assertThat(back.createPdrs().getFirst().pdi().other()).containsExactly(sdf);
        assertThat(back).isEqualTo(req);
    }

    @Test
    void whenKnownIeHasMoreOctetsThanItsRelease_thenItIsKeptWhole() {
        // Cause with a second octet: not this release's Cause, so kept as it came
        String body = "003c0005000a000002" + "001300020105" + "00600004e8f12345";
        byte[] octets = HEX.parseHex("2006" + String.format("%04x", 4 + body.length() / 2) + "00000100" + body);
        DecodeResult.Failed f = failed(octets); // the Association Setup Response then has no (modelled) Cause
        assertThat(f.error()).isEqualTo(DecodeError.MISSING_MANDATORY);
        assertThat(f.offendingIe()).isEqualTo(Ie.Cause.TYPE);
        assertThat(f.sequenceNumber()).isEqualTo(1);
    }

    @Test
    void whenMessageTypeIsNotModelled_thenItIsKeptAsOther() {
        // Node Report Request (12) with a Node ID and a Node Report Type (101)
        String body = "003c0005000a000002" + "006500010" + "1";
        byte[] octets = HEX.parseHex("200c" + String.format("%04x", 4 + body.length() / 2) + "00002a00" + body);
        PfcpMessage m = decoded(octets);
        assertThat(m).isInstanceOf(PfcpMessage.Other.class);
        assertThat(m.typeCode()).isEqualTo(12);
        assertThat(m.ies().getFirst()).isEqualTo(NodeIe.NodeId.of(PfcpSamples.v4("10.0.0.2")));
        assertThat(PfcpCodec.encode(m)).isEqualTo(octets);
    }

    @Test
    void whenHeaderIsShortOrLengthLies_thenTruncated() {
        assertThat(failed(HEX.parseHex("2001")).error()).isEqualTo(DecodeError.TRUNCATED);
        assertThat(failed(HEX.parseHex("2001000c00000700")).error()).isEqualTo(DecodeError.TRUNCATED);
        assertThat(failed(HEX.parseHex("21320004" + "00000100")).error()).isEqualTo(DecodeError.TRUNCATED); // S needs 12
    }

    @Test
    void whenVersionIsNotOne_thenUnsupportedVersionWithTheSequenceToAnswer() {
        DecodeResult.Failed f = failed(HEX.parseHex("4001000c" + "00000900" + "00600004e8f12345"));
        assertThat(f.error()).isEqualTo(DecodeError.UNSUPPORTED_VERSION);
        assertThat(f.sequenceNumber()).isEqualTo(9);
        assertThat(f.messageType()).isEqualTo(1);
    }

    @Test
    void whenSFlagDisagreesWithTheMessageType_thenBadHeader() {
        assertThat(failed(HEX.parseHex("2101000c" + "0000000000000000" + "00000900")).error()).isEqualTo(DecodeError.BAD_HEADER);
        assertThat(failed(HEX.parseHex("20360004" + "00000900")).error()).isEqualTo(DecodeError.BAD_HEADER);
    }

    @Test
    void whenMandatoryIeIsMissing_thenMissingMandatoryNamesIt() {
        DecodeResult.Failed f = failed(HEX.parseHex("20010004" + "00000700"));
        assertThat(f.error()).isEqualTo(DecodeError.MISSING_MANDATORY);
        assertThat(f.offendingIe()).isEqualTo(RecoveryTimeStamp.TYPE);
        assertThat(f.error().cause()).isEqualTo(Ie.Cause.Value.MANDATORY_IE_MISSING);
    }

    @Test
    void whenIeLengthRunsPastTheMessage_thenTruncatedNamesTheIe() {
        DecodeResult.Failed f = failed(HEX.parseHex("2001000c" + "00000700" + "00600008e8f12345"));
        assertThat(f.error()).isEqualTo(DecodeError.TRUNCATED);
        assertThat(f.offendingIe()).isEqualTo(RecoveryTimeStamp.TYPE);
    }

    @Test
    void whenIeValueIsTooShortOrImpossible_thenBadInformationElement() {
        assertThat(failed(HEX.parseHex("2001000a" + "00000700" + "00600002e8f1")).offendingIe()).isEqualTo(RecoveryTimeStamp.TYPE);
        // F-SEID with neither V4 nor V6 (8.2.37)
        String body = "003c0005000a000001" + "0039000900" + "0000000000000001";
        DecodeResult.Failed f = failed(HEX.parseHex("2132" + String.format("%04x", 12 + body.length() / 2) + "0000000000000000" + "00000100" + body));
        assertThat(f.error()).isEqualTo(DecodeError.BAD_INFORMATION_ELEMENT);
        assertThat(f.offendingIe()).isEqualTo(NodeIe.FSeid.TYPE);
    }

    @Test
    void whenTooManyIes_thenTooManyIesBeforeMore() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(HEX.parseHex("00600004e8f12345"));
        for (int i = 0; i < IeCodec.MAX_IES; i++) {
            body.writeBytes(HEX.parseHex("00c00000"));
        }
        byte[] b = body.toByteArray();
        byte[] octets = HEX.parseHex("2001" + String.format("%04x", 4 + b.length) + "00000700" + HEX.formatHex(b));
        assertThat(failed(octets).error()).isEqualTo(DecodeError.TOO_MANY_IES);
    }

    @Test
    void whenGroupedIesNestDeeperThanTheLimit_thenTheDeepOnesAreKeptWholeWithoutRecursion() {
        // Update Forwarding Parameters (11, no mandatory IE) inside itself 5,000 times, inside a Heartbeat Request
        byte[] inner = new byte[0];
        for (int i = 0; i < 5000; i++) {
            byte[] outer = new byte[inner.length + 4];
            outer[1] = 11;
            outer[2] = (byte) (inner.length >> 8);
            outer[3] = (byte) inner.length;
            System.arraycopy(inner, 0, outer, 4, inner.length);
            inner = outer;
        }
        byte[] octets = HEX.parseHex("2001" + String.format("%04x", 12 + inner.length) + "00000700" + "00600004e8f12345" + HEX.formatHex(inner));
        PfcpMessage m = decoded(octets);
        assertThat(PfcpCodec.encode(m)).isEqualTo(octets);
    }

    @Test
    void whenMessageTypesAreClassified_thenRequestsAreOddBelowElevenAndEvenFromTwelve() {
        assertThat(MessageType.isRequest(MessageType.HEARTBEAT_REQUEST.code())).isTrue();
        assertThat(MessageType.isRequest(MessageType.ASSOCIATION_RELEASE_RESPONSE.code())).isFalse();
        assertThat(MessageType.isRequest(MessageType.VERSION_NOT_SUPPORTED_RESPONSE.code())).isFalse();
        assertThat(MessageType.isRequest(12)).as("Node Report Request").isTrue();
        assertThat(MessageType.isRequest(MessageType.SESSION_ESTABLISHMENT_REQUEST.code())).isTrue();
        assertThat(MessageType.isRequest(MessageType.SESSION_REPORT_RESPONSE.code())).isFalse();
        assertThat(MessageType.isSessionMessage(MessageType.SESSION_DELETION_REQUEST.code())).isTrue();
        assertThat(MessageType.isSessionMessage(MessageType.ASSOCIATION_SETUP_REQUEST.code())).isFalse();
    }

    @Test
    void whenRecoveryTimeStampIsMadeFromAnInstant_thenItIsNtpSeconds() {
        RecoveryTimeStamp r = RecoveryTimeStamp.of(Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(r.ntpSeconds()).isEqualTo(2_208_988_800L); // RFC 5905: 70 years and 17 leap days
        assertThat(RecoveryTimeStamp.of(Instant.parse("2026-12-06T01:00:00Z")).toInstant()).isEqualTo(Instant.parse("2026-12-06T01:00:00Z"));
    }
}
