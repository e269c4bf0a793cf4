package io.liquid5gc.nssf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.aws.LambdaInvocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** nssf-slice-select invoked the way AWS Lambda invokes it (deploy/aws/template.yaml): the adapter's handler, an API Gateway event. */
class NssfAwsLambdaTest {

    @Test
    void whenApiGatewayEventCallsNssfSliceSelect_thenTheSubscribedSliceServedInTheTaIsAllowed() throws Exception {
        JsonNode answer = LambdaInvocation.invoke(NssfApplication.class, "nssf-slice-select", """
                {"nfType":"AMF","nfId":"amf-1",
                 "sliceInfoRequestForRegistration":{"subscribedNssai":[{"subscribedSnssai":{"sst":1,"sd":"010203"},"defaultIndication":true}],
                                                    "requestedNssai":[{"sst":1,"sd":"010203"},{"sst":9}]},
                 "homePlmnId":{"mcc":"001","mnc":"01"},"tai":{"plmnId":{"mcc":"001","mnc":"01"},"tac":"000001"}}""");
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = LambdaInvocation.body(answer);
        JsonNode allowed = body.path("allowedNssaiList").path(0).path("allowedSnssaiList");
        assertThat(allowed.size()).isEqualTo(1);
        assertThat(allowed.path(0).path("allowedSnssai").path("sst").asInt()).isEqualTo(1);
        assertThat(allowed.path(0).path("allowedSnssai").path("sd").asString()).isEqualTo("010203");
        assertThat(body.path("rejectedNssaiInPlmn").path(0).path("sst").asInt()).isEqualTo(9);
    }
}
