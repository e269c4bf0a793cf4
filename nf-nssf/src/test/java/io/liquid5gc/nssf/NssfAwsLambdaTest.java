package io.liquid5gc.nssf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.aws.LambdaInvocation;
import io.liquid5gc.runtime.security.TestTokenIssuer;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.ConsumerType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * nssf-slice-select invoked the way AWS Lambda invokes it (deploy/aws/template.yaml): the adapter's handler, an API
 * Gateway event. The function answers only a caller with an access token of the NRF's keys (TS 33.501 13.4.1), as
 * over HTTP.
 */
class NssfAwsLambdaTest {

    static final String REQUEST = """
            {"nfType":"AMF","nfId":"amf-1",
             "sliceInfoRequestForRegistration":{"subscribedNssai":[{"subscribedSnssai":{"sst":1,"sd":"010203"},"defaultIndication":true}],
                                                "requestedNssai":[{"sst":1,"sd":"010203"},{"sst":9}]},
             "homePlmnId":{"mcc":"001","mnc":"01"},"tai":{"plmnId":{"mcc":"001","mnc":"01"},"tac":"000001"}}""";

    static final TestTokenIssuer NRF = new TestTokenIssuer();

    static String tokenOfAmf(TestTokenIssuer issuer) {
        return issuer.issue(new AccessTokenReq("5b0e7f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b", ConsumerType.AMF, "NSSF", null,
                "nnssf-nsselection")).accessToken();
    }

    static JsonNode invoke(Map<String, String> headers) throws Exception {
        return LambdaInvocation.invoke(NssfApplication.class, "nssf-slice-select", REQUEST, headers,
                Map.of("liquid5gc.security.jwks", NRF.publicJwks()));
    }

    @Test
    void whenApiGatewayEventWithTheAmfsTokenCallsNssfSliceSelect_thenTheSubscribedSliceServedInTheTaIsAllowed() throws Exception {
        JsonNode answer = invoke(Map.of("Authorization", "Bearer " + tokenOfAmf(NRF)));
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = LambdaInvocation.body(answer);
        JsonNode allowed = body.path("allowedNssaiList").path(0).path("allowedSnssaiList");
        assertThat(allowed.size()).isEqualTo(1);
        assertThat(allowed.path(0).path("allowedSnssai").path("sst").asInt()).isEqualTo(1);
        assertThat(allowed.path(0).path("allowedSnssai").path("sd").asString()).isEqualTo("010203");
        assertThat(body.path("rejectedNssaiInPlmn").path(0).path("sst").asInt()).isEqualTo(9);
    }

    @Test
    void whenApiGatewayEventHasNoToken_thenTheFunctionDoesNotRunAndTheAnswerIs401ProblemWithWwwAuthenticate() throws Exception {
        JsonNode answer = invoke(Map.of());
        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(answer.path("headers").path("WWW-Authenticate").asString()).startsWith("Bearer");
        assertThat(answer.path("headers").path("Content-Type").asString()).isEqualTo("application/problem+json");
        JsonNode problem = LambdaInvocation.body(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.has("allowedNssaiList")).isFalse();
    }

    @Test
    void whenTheTokenIsSignedByAKeyNotOfTheNrf_thenTheAnswerIs401() throws Exception {
        JsonNode answer = invoke(Map.of("authorization", "Bearer " + tokenOfAmf(new TestTokenIssuer())));
        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(answer.path("headers").path("WWW-Authenticate").asString()).contains("invalid_token");
        assertThat(LambdaInvocation.body(answer).path("detail").asString()).contains("invalid access token");
        assertThat(LambdaInvocation.body(answer).has("allowedNssaiList")).isFalse();
    }
}
