package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.TestMessages;
import io.liquid5gc.ngap.Tshark;
import io.liquid5gc.ngap.message.NgapMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Oracle: Wireshark's NGAP dissector (independent of this code) must read every PDU our encoder produces without
 * "Malformed", error-level expert info or dissector exceptions, and must show the values we put in.
 * Skipped only when tshark/text2pcap are not installed (CI installs them).
 */
class TsharkTest {

    static List<NgapMessage> messages;
    static List<String> frames;

    @BeforeAll
    static void dissectAll() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark and text2pcap not installed");
        messages = new ArrayList<>(TestMessages.all());
        messages.addAll(TestMessages.transferCarriers());
        List<byte[]> pdus = new ArrayList<>();
        for (NgapMessage m : messages) {
            pdus.add(NgapCodec.encode(m));
        }
        for (String golden : GOLDEN) {
            pdus.add(GoldenVectorTest.load(golden));
        }
        frames = Tshark.dissect(pdus);
    }

    static final List<String> GOLDEN = List.of("ng-setup-request.hex", "ueransim-initial-ue-message.hex",
            "ueransim-downlink-nas-transport.hex");

    @Test
    void whenGoldenVectorsDissected_thenWiresharkAcceptsThemToo() {
        for (int i = 0; i < GOLDEN.size(); i++) {
            assertThat(frames.get(messages.size() + i)).as(GOLDEN.get(i))
                    .contains("NG Application Protocol")
                    .doesNotContain("Malformed")
                    .doesNotContain("[Expert Info (Error");
        }
        assertThat(frames.get(messages.size() + 2)).contains("AMF-UE-NGAP-ID: 12").contains("Registration reject");
    }

    @Test
    void whenEveryEncodedMessageIsDissected_thenWiresharkFindsNoError() {
        assertThat(frames).hasSize(messages.size() + GOLDEN.size());
        for (int i = 0; i < messages.size(); i++) {
            String f = frames.get(i);
            String what = i + ": " + messages.get(i);
            assertThat(f).as(what)
                    .contains("NG Application Protocol")
                    .doesNotContain("Malformed")
                    .doesNotContain("[Expert Info (Error")
                    .doesNotContain("Dissector bug")
                    .doesNotContain("Exception occurred");
            int pc = messages.get(i).procedureCode() != null ? messages.get(i).procedureCode().code()
                    : ((io.liquid5gc.ngap.message.UnknownMessage) messages.get(i)).procedureCodeValue();
            assertThat(f).as(what).containsPattern("procedureCode: id-\\S+ \\(" + pc + "\\)");
        }
    }

    private static String frameOf(NgapMessage m) {
        return frames.get(messages.indexOf(m));
    }

    @Test
    void whenNgSetupRequestDissected_thenWiresharkShowsOurValues() {
        assertThat(frameOf(TestMessages.ngSetupRequest()))
                .contains("RANNodeName: gnb-liquid5gc")
                .contains("tAC: 1 (0x000001)")
                .contains("PagingDRX: v128 (2)")
                .contains("sD: 010203");
    }

    @Test
    void whenOverloadStartDissected_thenWiresharkShowsTheActionAndTheReduction() {
        assertThat(frameOf(TestMessages.overloadStart()))
                .contains("OverloadStart")
                .contains("overloadAction: reject-non-emergency-mo-dt (0)")
                .contains("TrafficLoadReductionIndication: 40");
    }

    @Test
    void whenAmfStatusIndicationDissected_thenWiresharkShowsTheUnavailableGuamiAndTheBackupAmf() {
        assertThat(frameOf(TestMessages.amfStatusIndication()))
                .contains("AMFStatusIndication")
                .contains("UnavailableGUAMIItem")
                .contains("timerApproachForGUAMIRemoval: apply-timer (0)")
                .contains("backupAMFName: amf-backup");
    }

    @Test
    void whenNgSetupResponseDissected_thenWiresharkShowsOurValues() {
        assertThat(frameOf(TestMessages.ngSetupResponse()))
                .contains("AMFName: amf.liquid5gc")
                .contains("RelativeAMFCapacity: 255")
                .contains("aMFRegionID: ca");
    }

    @Test
    void whenInitialUeMessageDissected_thenWiresharkShowsOurValues() {
        assertThat(frameOf(TestMessages.initialUeMessage()))
                .contains("RAN-UE-NGAP-ID: 4294967280")
                .contains("Message type: Registration request (0x41)")
                .contains("nRCellIdentity: 0x0000000010")
                .contains("RRCEstablishmentCause: mo-Signalling (3)")
                .contains("fiveG-TMSI: 3237998081 (0xc0ffee01)");
    }

    @Test
    void whenSetupResponseTransferDissected_thenWiresharkShowsTheGnbTunnel() {
        String f = frameOf(TestMessages.transferCarriers().get(1));
        assertThat(f).contains("PDUSessionResourceSetupResponseTransfer")
                .contains("TransportLayerAddress (IPv4): 10.100.200.2")
                .contains("gTP-TEID: 80000001")
                .contains("PDUSessionResourceSetupUnsuccessfulTransfer")
                .contains("radioNetwork: not-supported-5QI-value");
    }

    @Test
    void whenInitialContextSetupRequestDissected_thenWiresharkShowsOurValues() {
        assertThat(frameOf(TestMessages.initialContextSetupRequest()))
                .contains("AMF-UE-NGAP-ID: 4294967297")
                .contains("uEAggregateMaximumBitRateDL: 1000000000bits/s")
                .contains("TransportLayerAddress (IPv4): 10.100.200.1")
                .contains("fiveQI: 9")
                .contains("SecurityKey: 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    }
}
