package io.liquid5gc.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.amf.n1n2.N1N2MessageTransferReqData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an N1N2MessageTransferReqData asks of the N2 side, read from its TS 29.518 JSON. */
class N1N2MessageEndpointTest {

    private final JsonMapper json = new JsonMapper();

    private N1N2MessageEndpoint.Transfer read(String body) {
        return N1N2MessageEndpoint.transferOf(json.readValue(body, N1N2MessageTransferReqData.class));
    }

    @Test
    void whenTheSmfSendsN2SmInformationWithoutAnN1Message_thenItIsDownlinkData() {
        assertThat(read("{\"n2InfoContainer\":{\"n2InformationClass\":\"SM\",\"smInfo\":{\"pduSessionId\":5,"
                + "\"n2InfoContent\":{\"ngapIeType\":\"PDU_RES_SETUP_REQ\",\"ngapData\":{\"contentId\":\"n2SmInfo\"}}}},\"pduSessionId\":5}"))
                .isEqualTo(new N1N2MessageEndpoint.Transfer.DownlinkData(5));
    }

    @Test
    void whenTheSmfSendsTheReleaseCommand_thenItIsARelease() {
        N1N2MessageTransferReqData sent = N1N2MessageTransferReqData.release(2, 36, "REGULAR_DEACTIVATION", null);
        JsonNode wire = json.readTree(json.writeValueAsString(sent));
        assertThat(wire.at("/n1MessageContainer/n1MessageClass").asString()).isEqualTo("SM");
        assertThat(wire.at("/n1MessageContainer/n1MessageContent/contentId").asString()).isEqualTo("n1SmMsg");
        assertThat(wire.at("/n2InfoContainer/smInfo/n2InfoContent/ngapIeType").asString()).isEqualTo("PDU_RES_REL_CMD");
        assertThat(wire.at("/skipInd").asBoolean()).isTrue();
        assertThat(N1N2MessageEndpoint.transferOf(sent)).isEqualTo(new N1N2MessageEndpoint.Transfer.Release(2, 36));
    }

    @Test
    void whenTheRequestNamesTwoSessionsOrNone_thenItIsRefused() {
        assertThatThrownBy(() -> read("{\"n2InfoContainer\":{\"n2InformationClass\":\"SM\",\"smInfo\":{\"pduSessionId\":5}},\"pduSessionId\":6}"))
                .hasMessageContaining("PDU sessions 6 and 5");
        assertThatThrownBy(() -> read("{\"pduSessionId\":1}")).hasMessageContaining("n1MessageContainer or n2InfoContainer");
        assertThatThrownBy(() -> read("{\"n2InfoContainer\":{\"n2InformationClass\":\"SM\",\"smInfo\":{\"pduSessionId\":16}}}"))
                .hasMessageContaining("1..15");
        assertThatThrownBy(() -> read("{\"n2InfoContainer\":{\"n2InformationClass\":\"SM\",\"smInfo\":{\"pduSessionId\":1,"
                + "\"n2InfoContent\":{\"ngapIeType\":\"PDU_RES_REL_CMD\"}}}}")).hasMessageContaining("downlink data");
        assertThatThrownBy(() -> read("{\"n1MessageContainer\":{\"n1MessageClass\":\"SM\"},\"pduSessionId\":1}"))
                .hasMessageContaining("n1SmMsg");
    }
}
