package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PDU session side of the one-command core over HTTP with the default subscribers: slice selection, then
 * establishment (SMF → real UDM → NSACF → PCF → CHF → BSF), the gNB's tunnel, release; and the session NFs' functions
 * answer a problem+json, never a 404, to an empty body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"liquid5gc.store.memory.journal=none",
        // function behaviour over HTTP: the lab switch that serves loopback without tokens (SbiSecurityAttacksTest: the default)
        "liquid5gc.security.trust-loopback=true"})
class PduSessionAllInOneTest {

    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment env;

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whenTheDefaultUeRegistersAndOpensAPduSession_thenSliceAddressTunnelAndReleaseWork() throws Exception {
        HttpResponse<String> slices = post("/nssf-slice-select", """
                {"nfType":"AMF","sliceInfoRequestForRegistration":{"subscribedNssai":[{"subscribedSnssai":{"sst":1,"sd":"010203"},
                 "defaultIndication":true}],"requestedNssai":[{"sst":1,"sd":"010203"}]},"tai":{"plmnId":{"mcc":"001","mnc":"01"},"tac":"000001"}}""");
        assertThat(slices.statusCode()).as(slices.body()).isEqualTo(200);
        assertThat(JSON.readTree(slices.body()).path("allowedNssaiList").get(0).path("allowedSnssaiList").get(0).path("allowedSnssai").path("sd").asString())
                .isEqualTo("010203");

        HttpResponse<String> created = post("/smf-pdu-session-create", """
                {"supi":"imsi-001010000000001","pduSessionId":1,"dnn":"internet","sNssai":{"sst":1,"sd":"010203"},
                 "pduSessionType":"IPV4","servingNetwork":{"mcc":"001","mnc":"01"},"servingNfId":"amf-1"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode c = JSON.readTree(created.body());
        assertThat(c.path("n1SmAccept").path("pduAddress").path("ipv4Addr").asString()).as(created.body()).startsWith("10.45.");
        assertThat(c.path("n2SmInfo").path("qosFlowSetupRequestList").get(0).path("5qi").asInt()).isEqualTo(9);
        String ref = c.path("smContextRef").asString();

        HttpResponse<String> updated = post("/smf-pdu-session-update", """
                {"smContextRef":"%s","n2SmInfoType":"PDU_RES_SETUP_RSP","n2SmInfo":{"dlNguUpTnlInformation":
                 {"transportLayerAddress":"10.0.2.15","gtpTeid":"00000001"},"qosFlowsAcceptedList":[1]}}""".formatted(ref));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).path("upCnxState").asString()).isEqualTo("ACTIVATED");

        HttpResponse<String> unknown = post("/smf-pdu-session-create", """
                {"supi":"imsi-001019999999999","pduSessionId":1,"dnn":"internet","sNssai":{"sst":1,"sd":"010203"}}""");
        assertThat(JSON.readTree(unknown.body()).path("n1SmReject").path("cause5gsm").asInt()).as(unknown.body()).isEqualTo(29);

        HttpResponse<String> released = post("/smf-pdu-session-release", "{\"smContextRef\":\"" + ref + "\"}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(JSON.readTree(released.body()).path("n1SmMsg").path("cause5gsm").asInt()).isEqualTo(36);
        assertThat(post("/smf-pdu-session-release", "{\"smContextRef\":\"" + ref + "\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void whenTheSessionFunctionsGetAnEmptyBody_thenTheyAnswerAProblemNeverA404() throws Exception {
        for (String f : List.of("smf-pdu-session-create", "smf-pdu-session-update", "smf-pdu-session-release", "smf-n4-session-setup",
                "pcf-policy-create", "pcf-policy-get", "nssf-slice-select", "nsacf-slice-availability-check", "nsacf-update-counters",
                "chf-charging-create", "chf-charging-update", "chf-charging-release", "bsf-binding-register", "bsf-binding-discover",
                "bsf-binding-deregister", "nwdaf-analytics-subscribe")) {
            HttpResponse<String> r = post("/" + f, "{}");
            assertThat(r.statusCode()).as(f + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(f).hasValue("application/problem+json");
            assertThat(JSON.readTree(r.body()).path("cause").asString()).as(f).isNotBlank();
        }
        assertThat(post("/nwdaf-data-collect", "{}").statusCode()).isEqualTo(200);
    }
}
