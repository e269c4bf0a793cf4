package io.liquid5gc.runtime.placement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.FunctionCallException.Kind;
import io.liquid5gc.sbi.JsonObject;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.sbi.chf.ChfApi;
import io.liquid5gc.sbi.nrf.NfDiscoveryRequest;
import io.liquid5gc.sbi.nrf.NfDiscoveryResult;
import io.liquid5gc.sbi.nrf.NrfApi;
import io.liquid5gc.sbi.nsacf.NsacfApi;
import io.liquid5gc.sbi.udm.UdmApi;
import io.liquid5gc.sbi.udr.UdrApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/** The placement client against a peer that misbehaves in every way a network peer can (WireMock). */
class PlacementFunctionClientTest {

    private static final NfDiscoveryRequest DISCOVER_UDM = NfDiscoveryRequest.of("UDM", "AUSF");

    private WireMockServer peer;
    private SimpleMeterRegistry meters;
    private PlacementFunctionClient client;

    @BeforeEach
    void start() {
        peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        peer.start();
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        peer.stop();
    }

    /** Generous timeouts: a first call on a busy machine (cold JIT, WireMock's own start) may take seconds. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** The timeout of the tests about timeouts, against a peer that answers long after it. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    private PlacementFunctionClient client(Map<String, PlacementProperties.NfSettings> nf, String faasPattern) {
        return client(nf, faasPattern, CALL_TIMEOUT);
    }

    private PlacementFunctionClient client(Map<String, PlacementProperties.NfSettings> nf, String faasPattern, Duration timeout) {
        PlacementProperties props = new PlacementProperties(nf, faasPattern,
                new PlacementProperties.HttpSettings(Duration.ofSeconds(5), timeout, 3, Duration.ofMillis(10)));
        FunctionDispatcher dispatcher = new FunctionDispatcher(new DefaultListableBeanFactory(), meters);
        client = new PlacementFunctionClient(props, dispatcher, nfType -> java.util.Optional.empty(), new JsonMapper(), meters);
        return client;
    }

    private PlacementFunctionClient httpClientFor(NfType nf) {
        return httpClientFor(nf, CALL_TIMEOUT);
    }

    private PlacementFunctionClient httpClientFor(NfType nf, Duration timeout) {
        return client(Map.of(nf.key(), new PlacementProperties.NfSettings(Placement.HTTP, URI.create(peer.baseUrl()), null, true, null)), null, timeout);
    }

    @Test
    void whenPeerAnswers200_thenTheTypedResultIsReturnedAndTheCallIsTimed() {
        peer.stubFor(post("/nrf-discover").withRequestBody(equalToJson("{\"targetNfType\":\"UDM\",\"requesterNfType\":\"AUSF\"}", true, true))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"validityPeriod\":30,\"nfInstances\":[{\"nfInstanceId\":\"a\",\"nfType\":\"UDM\",\"nfStatus\":\"REGISTERED\"}]}")));
        NfDiscoveryResult r = httpClientFor(NfType.NRF).call(NrfApi.DISCOVER, DISCOVER_UDM);
        assertThat(r.validityPeriod()).isEqualTo(30);
        assertThat(r.nfInstances()).singleElement().satisfies(p -> assertThat(p.nfType()).isEqualTo("UDM"));
        assertThat(meters.get("liquid5gc.function.calls").tag("function", "nrf-discover").tag("placement", "http")
                .tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void whenATenantIsBound_thenTheCallPassesItOnAndWithoutOneNoTenantHeaderIsSent() {
        peer.stubFor(post("/nrf-discover").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"validityPeriod\":30,\"nfInstances\":[]}")));
        PlacementFunctionClient c = httpClientFor(NfType.NRF);
        io.liquid5gc.runtime.metering.Tenancy.callAs("campus-a", () -> c.call(NrfApi.DISCOVER, DISCOVER_UDM));
        c.call(NrfApi.DISCOVER, DISCOVER_UDM);
        peer.verify(1, postRequestedFor(urlEqualTo("/nrf-discover"))
                .withHeader(io.liquid5gc.runtime.metering.Tenancy.HEADER, com.github.tomakehurst.wiremock.client.WireMock.equalTo("campus-a")));
        peer.verify(1, postRequestedFor(urlEqualTo("/nrf-discover")).withoutHeader(io.liquid5gc.runtime.metering.Tenancy.HEADER));
    }

    @Test
    void whenPeerAnswersAProblem_thenPeerErrorCarriesItsStatusAndCause() {
        peer.stubFor(post("/nrf-discover").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"Not Found\",\"cause\":\"USER_NOT_FOUND\",\"detail\":\"no such subscriber\"}")));
        assertThatThrownBy(() -> httpClientFor(NfType.NRF).call(NrfApi.DISCOVER, DISCOVER_UDM))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PEER_ERROR);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problem().cause()).isEqualTo("USER_NOT_FOUND");
                    assertThat(e.getMessage()).contains("nrf-discover").contains("placement http").contains("USER_NOT_FOUND");
                });
        peer.verify(1, postRequestedFor(urlEqualTo("/nrf-discover")));
    }

    @Test
    void whenIdempotentPeerFails503Once_thenTheCallIsRetriedAndSucceeds() {
        peer.stubFor(post("/nrf-discover").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        peer.stubFor(post("/nrf-discover").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"validityPeriod\":5}")));
        assertThat(httpClientFor(NfType.NRF).call(NrfApi.DISCOVER, DISCOVER_UDM).validityPeriod()).isEqualTo(5);
        peer.verify(2, postRequestedFor(urlEqualTo("/nrf-discover")));
    }

    @Test
    void whenNonIdempotentPeerFails503_thenItIsNotRetried() {
        peer.stubFor(post("/udm-generate-auth-data").willReturn(aResponse().withStatus(503).withBody("overloaded")));
        assertThatThrownBy(() -> httpClientFor(NfType.UDM).call(UdmApi.GENERATE_AUTH_DATA, new io.liquid5gc.sbi.udm.GenerateAuthDataRequest("imsi-001010000000001", null)))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PEER_ERROR);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.problem().detail()).contains("overloaded");
                });
        peer.verify(1, postRequestedFor(urlEqualTo("/udm-generate-auth-data")));
    }

    @Test
    void whenPeerAnswers503WithRetryAfter_thenTheFailureCarriesTheDelayTheCallerIsToWait() {
        peer.stubFor(post("/udm-generate-auth-data").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"title\":\"Service Unavailable\",\"cause\":\"NF_CONGESTION\"}")));
        assertThatThrownBy(() -> httpClientFor(NfType.UDM).call(UdmApi.GENERATE_AUTH_DATA,
                new io.liquid5gc.sbi.udm.GenerateAuthDataRequest("imsi-001010000000001", null)))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void whenRetryAfterIsAnHttpDate_thenItIsTheTimeUntilThenAndUnreadableValuesAreIgnored() {
        java.time.Clock now = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T06:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(FunctionCallException.parseRetryAfter("Mon, 07 Dec 2026 06:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(FunctionCallException.parseRetryAfter("Mon, 07 Dec 2026 05:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(FunctionCallException.parseRetryAfter("soon", now)).isNull();
        assertThat(FunctionCallException.parseRetryAfter(null, now)).isNull();
    }

    @Test
    void whenPeerIsSlowerThanTheTimeout_thenTimeoutNamesFunctionAndPlacement() {
        peer.stubFor(post("/udm-generate-auth-data").willReturn(aResponse().withStatus(200).withFixedDelay(10_000).withBody("{}")));
        long start = System.nanoTime();
        assertThatThrownBy(() -> httpClientFor(NfType.UDM, SHORT_TIMEOUT).call(UdmApi.GENERATE_AUTH_DATA, new io.liquid5gc.sbi.udm.GenerateAuthDataRequest("imsi-001010000000001", null)))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.status()).isEqualTo(504);
                    assertThat(e.getMessage()).contains("udm-generate-auth-data").contains("placement http").contains("400 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not waiting for the peer's answer").isLessThan(Duration.ofSeconds(8));
        peer.verify(1, postRequestedFor(urlEqualTo("/udm-generate-auth-data")));
    }

    @Test
    void whenSlowIdempotentPeer_thenEachAttemptTimesOutAndAllAreBounded() {
        peer.stubFor(post("/nrf-discover").willReturn(aResponse().withStatus(200).withFixedDelay(10_000).withBody("{}")));
        assertThatThrownBy(() -> httpClientFor(NfType.NRF, SHORT_TIMEOUT).call(NrfApi.DISCOVER, DISCOVER_UDM))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        peer.verify(3, postRequestedFor(urlEqualTo("/nrf-discover")));
    }

    @Test
    void whenConnectionIsRefused_thenUnreachableAfterBoundedRetries() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PlacementFunctionClient c = client(Map.of("udm", new PlacementProperties.NfSettings(Placement.HTTP,
                URI.create("http://127.0.0.1:" + closedPort), null, true, null)), null);
        assertThatThrownBy(() -> c.call(UdmApi.GENERATE_AUTH_DATA, new io.liquid5gc.sbi.udm.GenerateAuthDataRequest("imsi-001010000000001", null)))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("udm-generate-auth-data").contains("cannot connect");
                });
    }

    @Test
    void whenPeerResetsTheConnection_thenUnreachableAndNonIdempotentIsNotRetried() {
        peer.stubFor(post("/udm-generate-auth-data").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> httpClientFor(NfType.UDM).call(UdmApi.GENERATE_AUTH_DATA, new io.liquid5gc.sbi.udm.GenerateAuthDataRequest("imsi-001010000000001", null)))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
        peer.verify(1, postRequestedFor(urlEqualTo("/udm-generate-auth-data")));
    }

    @Test
    void whenPeerAnswersGarbage_thenMalformedResponse() {
        peer.stubFor(post("/nrf-discover").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"validityPeriod\": \"soon\", ")));
        assertThatThrownBy(() -> httpClientFor(NfType.NRF).call(NrfApi.DISCOVER, DISCOVER_UDM))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("NfDiscoveryResult");
                });
    }

    @Test
    void whenPeerAnswersAnEmptyBody_thenMalformedResponse() {
        peer.stubFor(post("/nrf-discover").willReturn(aResponse().withStatus(200)));
        assertThatThrownBy(() -> httpClientFor(NfType.NRF).call(NrfApi.DISCOVER, DISCOVER_UDM))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
    }

    @Test
    void whenPlacedFaas_thenTheGatewayUrlPatternIsUsed() {
        peer.stubFor(post("/function/nrf-discover").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"validityPeriod\":7}")));
        PlacementFunctionClient c = client(Map.of("nrf", new PlacementProperties.NfSettings(Placement.FAAS, null, null, true, null)),
                peer.baseUrl() + "/function/{function}");
        assertThat(c.call(NrfApi.DISCOVER, DISCOVER_UDM).validityPeriod()).isEqualTo(7);
        assertThat(meters.get("liquid5gc.function.calls").tag("placement", "faas").timer().count()).isEqualTo(1);
    }

    @Test
    void whenFaasHasNoGateway_thenTheErrorSaysWhichPropertyToSet() {
        PlacementFunctionClient c = client(Map.of("chf", new PlacementProperties.NfSettings(Placement.FAAS, null, null, true, null)), null);
        assertThatThrownBy(() -> c.call(ChfApi.CHARGING_CREATE, new io.liquid5gc.sbi.chf.ChargingDataRequest(null, null, null, null, null, null, null)))
                .hasMessageContaining("chf-charging-create").hasMessageContaining("liquid5gc.faas-url-pattern");
    }

    @Test
    void whenHttpHasNoUrl_thenTheErrorSaysWhichPropertyToSet() {
        PlacementFunctionClient c = client(Map.of("ausf", new PlacementProperties.NfSettings(Placement.HTTP, null, null, true, null)), null);
        assertThatThrownBy(() -> c.call(AusfApi.AUTHENTICATE, io.liquid5gc.sbi.ausf.AusfAuthenticateRequest.confirm("ctx", "00")))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
                .hasMessageContaining("liquid5gc.nf.ausf.url");
    }

    @Test
    void whenLocalButNotDeployed_thenUnknownFunctionExplainsHowToPlaceIt() {
        PlacementFunctionClient c = client(Map.of(), null);
        assertThatThrownBy(() -> c.call(UdrApi.DATA_READ, io.liquid5gc.sbi.udr.DataReadRequest.of("imsi-001010000000001")))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_FUNCTION);
                    assertThat(e.getMessage()).contains("udr-data-read").contains("placement local").contains("not deployed");
                });
    }

    @Test
    void whenRelease17NfIsOff_thenCallersAreToldToSkipIt() {
        PlacementFunctionClient c = client(Map.of("nsacf", new PlacementProperties.NfSettings(Placement.LOCAL, null, null, false, null)), null);
        assertThat(c.isEnabled(NfType.NSACF)).isFalse();
        assertThat(c.isEnabled(NfType.CHF)).isTrue();
        assertThatThrownBy(() -> c.call(NsacfApi.SLICE_AVAILABILITY_CHECK, new io.liquid5gc.sbi.nsacf.SliceAdmissionRequest(null, null, null, null)))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.DISABLED));
    }

    @Test
    void whenANonRelease17NfIsSwitchedOff_thenConfigurationIsRejected() {
        assertThatThrownBy(() -> client(Map.of("amf", new PlacementProperties.NfSettings(Placement.LOCAL, null, null, false, null)), null))
                .hasMessageContaining("liquid5gc.nf.amf.enabled=false");
    }

    @Test
    void whenAnUnknownNfIsConfigured_thenConfigurationIsRejected() {
        assertThatThrownBy(() -> new PlacementProperties(Map.of("mme", PlacementProperties.NfSettings.DEFAULT), null, null))
                .hasMessageContaining("liquid5gc.nf.mme");
    }

    @Test
    void whenOneFunctionIsPlacedOnItsOwn_thenOnlyItGoesThereAndTheRestOfItsNfKeepsTheNfPlacement() {
        peer.stubFor(post("/nrf-discover").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"validityPeriod\":30,\"nfInstances\":[]}")));
        PlacementProperties props = new PlacementProperties(Map.of(), null,
                new PlacementProperties.HttpSettings(Duration.ofSeconds(5), CALL_TIMEOUT, 1, Duration.ofMillis(10)),
                Map.of("nrf-discover", new PlacementProperties.FunctionSettings(Placement.HTTP, URI.create(peer.baseUrl()), null, null)));
        client = new PlacementFunctionClient(props, new FunctionDispatcher(new DefaultListableBeanFactory(), meters),
                nfType -> java.util.Optional.empty(), new JsonMapper(), meters);

        assertThat(client.call(NrfApi.DISCOVER, DISCOVER_UDM).validityPeriod()).isEqualTo(30);
        peer.verify(1, postRequestedFor(urlEqualTo("/nrf-discover")));
        // nrf-register is still the NRF's: local, and not deployed in this process
        assertThatThrownBy(() -> client.call(NrfApi.REGISTER, null))
                .isInstanceOfSatisfying(FunctionCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_FUNCTION));
        assertThat(client.placementOf(NfType.NRF)).isEqualTo(Placement.LOCAL);
        peer.verify(0, postRequestedFor(urlEqualTo("/nrf-register")));
    }

    @Test
    void whenAFunctionOverridesOnlyItsUrlPattern_thenItKeepsItsNfsFaasPlacementAndTimeout() {
        peer.stubFor(post("/own/nsacf-update-counters").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        PlacementProperties props = new PlacementProperties(
                Map.of("nsacf", new PlacementProperties.NfSettings(Placement.FAAS, null, "http://127.0.0.1:1/{function}", true, null)),
                null, new PlacementProperties.HttpSettings(Duration.ofSeconds(5), CALL_TIMEOUT, 1, Duration.ofMillis(10)),
                Map.of("nsacf-update-counters", new PlacementProperties.FunctionSettings(null, null, peer.baseUrl() + "/own/{function}", null)));
        PlacementProperties.NfSettings merged = props.of(NsacfApi.UPDATE_COUNTERS);
        assertThat(merged.placement()).isEqualTo(Placement.FAAS);
        assertThat(merged.urlPattern()).isEqualTo(peer.baseUrl() + "/own/{function}");
        assertThat(props.of(NsacfApi.SLICE_AVAILABILITY_CHECK).urlPattern()).isEqualTo("http://127.0.0.1:1/{function}");
        client = new PlacementFunctionClient(props, new FunctionDispatcher(new DefaultListableBeanFactory(), meters),
                nfType -> java.util.Optional.empty(), new JsonMapper(), meters);
        client.call(NsacfApi.UPDATE_COUNTERS, new io.liquid5gc.sbi.nsacf.SliceAdmissionRequest(null, null, null, null));
        peer.verify(1, postRequestedFor(urlEqualTo("/own/nsacf-update-counters")));
    }

    @Test
    void whenAnUnknownFunctionIsConfigured_thenConfigurationIsRejected() {
        assertThatThrownBy(() -> new PlacementProperties(null, null, null,
                Map.of("amf-teleport", new PlacementProperties.FunctionSettings(Placement.HTTP, null, null, null))))
                .hasMessageContaining("liquid5gc.function.amf-teleport");
    }
}
