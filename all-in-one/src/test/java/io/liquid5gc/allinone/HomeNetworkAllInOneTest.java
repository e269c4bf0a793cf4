package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.UeAuthResult;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.suci.SuciConcealer;
import io.liquid5gc.security.suci.SuciScheme;
import io.liquid5gc.security.suci.Supi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The all-in-one's default subscribers and SUCI keys match the UERANSIM UE (../shared/tools/ueransim-vm/ue.yaml): its
 * 5G AKA runs over HTTP against the one-command core, with the null scheme and with Profile A.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"liquid5gc.store.memory.journal=none",
        // function behaviour over HTTP: the lab switch that serves loopback without tokens (SbiSecurityAttacksTest: the default)
        "liquid5gc.security.trust-loopback=true"})
class HomeNetworkAllInOneTest {

    /** From ue.yaml. */
    private static final String KEY = "465B5CE8B199B49FAA5F0A2EE238A6BC";
    private static final String OPC = "E8ED289DEBA952E4283B54E88E6183CA";
    private static final String HOME_NETWORK_PUBLIC_KEY = "5a8d38864820197c3394b92613b20b91633cbd897119273bf8e4a6f4eec0a650";
    private static final String SNN = "5G:mnc001.mcc001.3gppnetwork.org";
    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment env;

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path))
                .header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String authenticateAndConfirm(String supiOrSuci, Usim usim) throws Exception {
        HttpResponse<String> auth = send("POST", "/ausf-authenticate",
                "{\"authenticationInfo\":{\"supiOrSuci\":\"" + supiOrSuci + "\",\"servingNetworkName\":\"" + SNN + "\"}}");
        assertThat(auth.statusCode()).as(auth.body()).isEqualTo(200);
        JsonNode ctx = JSON.readTree(auth.body()).path("ueAuthenticationCtx");
        UeAuthResult r = usim.authenticate(Hex.decode(ctx.path("5gAuthData").path("rand").asString()),
                Hex.decode(ctx.path("5gAuthData").path("autn").asString()), new ServingNetworkName(SNN));
        assertThat(r).isInstanceOf(UeAuthResult.Success.class);
        HttpResponse<String> confirm = send("POST", "/ausf-authenticate", "{\"authCtxId\":\"" + ctx.path("authCtxId").asString()
                + "\",\"confirmationData\":{\"resStar\":\"" + Hex.encode(((UeAuthResult.Success) r).resStar()) + "\"}}");
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(confirm.body()).path("confirmationDataResponse");
        assertThat(result.path("authResult").asString()).isEqualTo("AUTHENTICATION_SUCCESS");
        assertThat(result.path("kseaf").asString()).matches("[0-9a-f]{64}");
        return result.path("supi").asString();
    }

    @Test
    void whenStarted_thenTheUeransimSubscribersAreProvisionedWithoutShowingTheirSecrets() throws Exception {
        HttpResponse<String> first = send("GET", "/provisioning/subscribers/001010000000001", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"k\":\"***\"").contains("\"opc\":\"***\"").contains("\"amf\":\"8000\"")
                .contains("\"sst\":1").contains("\"sd\":\"010203\"").contains("internet").doesNotContainIgnoringCase(KEY);
        assertThat(send("GET", "/provisioning/subscribers/001010000001000", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/provisioning/subscribers/001010000001001", null).statusCode()).isEqualTo(404);
    }

    @Test
    void whenTheUeransimUeAuthenticatesWithTheNullSchemeAndWithProfileA_thenBothSucceed() throws Exception {
        Usim usim = new Usim(Hex.decode(KEY), Hex.decode(OPC), new UsimSqnState());
        assertThat(authenticateAndConfirm("suci-0-001-01-0000-0-0-0000000002", usim)).isEqualTo("imsi-001010000000002");
        String suci = SuciConcealer.conceal(Supi.imsi("001010000000002"), 2, "0000", SuciScheme.PROFILE_A, 1,
                Hex.decode(HOME_NETWORK_PUBLIC_KEY)).format();
        assertThat(authenticateAndConfirm(suci, usim)).isEqualTo("imsi-001010000000002");
    }

    @Test
    void whenTheHomeNetworkFunctionsGetAnEmptyBody_thenA400ProblemWithACause() throws Exception {
        for (String f : new String[] {"ausf-authenticate", "udm-generate-auth-data", "udm-get-subscriber-data", "udr-data-read", "udr-data-write"}) {
            HttpResponse<String> r = send("POST", "/" + f, "{}");
            assertThat(r.statusCode()).as(f).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("cause").asString()).as(f).isNotBlank();
            assertThat(JSON.readTree(r.body()).path("instance").asString()).as(f).isEqualTo("/" + f);
        }
    }
}
