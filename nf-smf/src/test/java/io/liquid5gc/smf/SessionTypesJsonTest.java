package io.liquid5gc.smf;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.pcf.AuthorizedDefaultQos;
import io.liquid5gc.sbi.pcf.QosData;
import io.liquid5gc.sbi.pcf.SessionRule;
import io.liquid5gc.sbi.pcf.SmPolicyDecision;
import io.liquid5gc.sbi.smf.PduAddress;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.sbi.smf.QosFlowDescription;
import io.liquid5gc.sbi.smf.QosFlowSetupRequestItem;
import io.liquid5gc.sbi.smf.QosRule;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The session types on the wire: 3GPP field names (5qi, notificationURI, ...) and lossless round trips for the http placement. */
class SessionTypesJsonTest {

    static final JsonMapper JSON = new JsonMapper();

    @Test
    void whenAnAcceptIsWritten_thenItUsesThe3gppNamesAndReadsBackEqual() {
        Arp arp = new Arp(8, "NOT_PREEMPT", "PREEMPTABLE");
        PduSessionEstablishmentAccept accept = new PduSessionEstablishmentAccept(1, "IPV4", "SSC_MODE_1",
                List.of(new QosRule(1, true, 255, List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), 1)),
                new Ambr("1 Gbps", "2 Gbps"), new PduAddress("IPV4", "10.45.0.2"), new Snssai(1, "010203"), "internet", null,
                List.of(new QosFlowDescription(1, 9, null, null, null, null)));
        PduSessionResourceSetupRequestTransfer n2 = new PduSessionResourceSetupRequestTransfer(new Ambr("1 Gbps", "2 Gbps"),
                UpTransportLayerInformation.of("127.0.0.8", 0x1234), "IPV4", List.of(new QosFlowSetupRequestItem(1, 9, arp)));
        PduSessionCreateResponse r = PduSessionCreateResponse.accepted("imsi-001010000000001-1", accept, n2);
        JsonNode tree = JSON.valueToTree(r);
        assertThat(tree.path("n2SmInfo").path("qosFlowSetupRequestList").get(0).path("5qi").asInt()).isEqualTo(9);
        assertThat(tree.path("n2SmInfo").path("ulNguUpTnlInformation").path("gtpTeid").asString()).isEqualTo("00001234");
        assertThat(tree.path("n1SmAccept").path("authorizedQosFlowDescriptions").get(0).path("5qi").asInt()).isEqualTo(9);
        assertThat(tree.has("wasAccepted")).isFalse();
        assertThat(tree.has("error")).isFalse();
        assertThat(JSON.readValue(JSON.writeValueAsString(r), PduSessionCreateResponse.class)).isEqualTo(r);
    }

    @Test
    void whenAPolicyDecisionIsWritten_thenQosDataCarries5qiAndReadsBackEqual() {
        SmPolicyDecision d = new SmPolicyDecision(
                Map.of("s", new SessionRule(new Ambr("1 Mbps", "2 Mbps"), new AuthorizedDefaultQos(9, new Arp(1, "MAY_PREEMPT", "NOT_PREEMPTABLE"), null), "s")),
                Map.of(), Map.of("q", new QosData("q", 9, "1 Mbps", "2 Mbps", null, null, null, null, true)));
        String text = JSON.writeValueAsString(d);
        assertThat(text).contains("\"5qi\":9").doesNotContain("fiveQi").doesNotContain("pccRules");
        assertThat(JSON.readValue(text, SmPolicyDecision.class)).isEqualTo(d);
    }

    @Test
    void whenValuesAreOutOfRange_thenTheRecordsRefuseThem() {
        assertThatThrownBy(() -> new Ambr("fast", "2 Gbps")).hasMessageContaining("BitRate");
        assertThat(Ambr.bitsPerSecond("1.5 Mbps")).isEqualTo(1_500_000);
        assertThatThrownBy(() -> new Arp(0, "NOT_PREEMPT", "PREEMPTABLE")).hasMessageContaining("priorityLevel");
        assertThatThrownBy(() -> new UpTransportLayerInformation("127.0.0.1", "xyz")).hasMessageContaining("8 hex");
    }
}
