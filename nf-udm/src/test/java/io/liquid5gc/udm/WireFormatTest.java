package io.liquid5gc.udm;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.AusfAuthenticateResponse;
import io.liquid5gc.sbi.ausf.ConfirmationDataResponse;
import io.liquid5gc.sbi.ausf.UeAuthenticationCtx;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.AuthenticationInfoResult;
import io.liquid5gc.sbi.udm.AuthenticationVector;
import io.liquid5gc.sbi.udm.DataSetName;
import io.liquid5gc.sbi.udm.GenerateAuthDataRequest;
import io.liquid5gc.sbi.udm.SubscriberDataRequest;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.UdrDataSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON on the wire uses the 3GPP names (TS 29.503, 29.505, 29.509), including those that are not Java names. */
class WireFormatTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Test
    void whenTheUeauResultIsWritten_thenItHasTheTs29503Names() {
        String json = JSON.writeValueAsString(new AuthenticationInfoResult("5G_AKA",
                new AuthenticationVector("5G_HE_AKA", "aa", "bb", "cc", "dd"), "imsi-001010000000001"));
        assertThat(json).isEqualTo("{\"authType\":\"5G_AKA\",\"authenticationVector\":{\"avType\":\"5G_HE_AKA\",\"rand\":\"aa\","
                + "\"xresStar\":\"bb\",\"autn\":\"cc\",\"kausf\":\"dd\"},\"supi\":\"imsi-001010000000001\"}");
        GenerateAuthDataRequest read = JSON.readValue("{\"supiOrSuci\":\"suci-0-001-01-0000-0-0-0000000001\",\"authenticationInfoRequest\":"
                + "{\"servingNetworkName\":\"5G:mnc001.mcc001.3gppnetwork.org\",\"resynchronizationInfo\":{\"rand\":\"r\",\"auts\":\"a\"},"
                + "\"ausfInstanceId\":\"i\"}}", GenerateAuthDataRequest.class);
        assertThat(read.authenticationInfoRequest().resynchronizationInfo().auts()).isEqualTo("a");
    }

    @Test
    void whenTheAusfAnswersAreWritten_thenTheyHaveTheTs29509NamesAnd5gAuthDataAndLinks() {
        JsonNode ctx = JSON.readTree(JSON.writeValueAsString(new AusfAuthenticateResponse(new UeAuthenticationCtx("5G_AKA",
                new UeAuthenticationCtx.Av5gAka("r", "a", "h"), Map.of("5g-aka", new UeAuthenticationCtx.Link("/x")), "snn", "id"), null)));
        assertThat(ctx.path("ueAuthenticationCtx").path("5gAuthData").path("hxresStar").asString()).isEqualTo("h");
        assertThat(ctx.path("ueAuthenticationCtx").path("_links").path("5g-aka").path("href").asString()).isEqualTo("/x");
        assertThat(ctx.has("confirmationDataResponse")).isFalse();
        assertThat(JSON.writeValueAsString(new ConfirmationDataResponse("AUTHENTICATION_FAILURE", null, null)))
                .isEqualTo("{\"authResult\":\"AUTHENTICATION_FAILURE\"}");
        AusfAuthenticateRequest confirm = JSON.readValue("{\"authCtxId\":\"c\",\"confirmationData\":{\"resStar\":\"00\"}}",
                AusfAuthenticateRequest.class);
        assertThat(confirm.confirmationData().resStar()).isEqualTo("00");
    }

    @Test
    void whenDataSetNamesAreWritten_thenTheyAreTheSpecsNames() {
        assertThat(JSON.writeValueAsString(new DataReadRequest("imsi-1", List.of(UdrDataSet.AUTHENTICATION_SUBSCRIPTION, UdrDataSet.SM_DATA),
                new Snssai(1, "010203"), null)))
                .contains("\"dataSets\":[\"authentication-subscription\",\"sm-data\"]").doesNotContain("requester");
        assertThat(JSON.writeValueAsString(SubscriberDataRequest.of("imsi-1", DataSetName.AM, DataSetName.SMF_SEL)))
                .contains("\"dataSetNames\":[\"AM\",\"SMF_SEL\"]");
    }
}
