package io.liquid5gc.runtime.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.testing.MovableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.FunctionCallException;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.placement.PlacementFunctionClient;
import io.liquid5gc.runtime.placement.PlacementProperties;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.UdrApi;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/** The consumer's tokens: fetched once, sent as Bearer, refreshed before expiry, replaced after a 401 (WireMock peer). */
class ConsumerTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T01:00:00Z"));
    private final AtomicInteger fetched = new AtomicInteger();
    private final List<AccessTokenReq> requests = new CopyOnWriteArrayList<>();
    private final TokenSource nrf = r -> {
        requests.add(r);
        return new AccessTokenRsp("t" + fetched.incrementAndGet(), "Bearer", 600L, r.scope());
    };
    private WireMockServer udr;
    private PlacementFunctionClient client;

    @BeforeEach
    void start() {
        udr = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        udr.start();
        PlacementProperties props = new PlacementProperties(Map.of("udr",
                new PlacementProperties.NfSettings(Placement.HTTP, URI.create(udr.baseUrl()), null, true, null)), null,
                new PlacementProperties.HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(10)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AccessTokens tokens = new AccessTokens(nrf, "udm-instance-1", Duration.ofSeconds(60), clock);
        client = new PlacementFunctionClient(props, new FunctionDispatcher(new DefaultListableBeanFactory(), meters),
                nf -> java.util.Optional.empty(), new JsonMapper(), meters, new ConsumerCredentials(tokens, () -> ConsumerType.UDM));
    }

    @AfterEach
    void stop() {
        client.close();
        udr.stop();
    }

    private void read() {
        client.call(UdrApi.DATA_READ, DataReadRequest.of("imsi-001010000000001", UdrDataSet.AM_DATA));
    }

    private void answerOk() {
        udr.stubFor(post("/udr-data-read").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"ueId\":\"imsi-001010000000001\"}")));
    }

    @Test
    void whenCallsAreMade_thenOneTokenIsFetchedForTheTargetAndSentWithEveryCall() {
        answerOk();
        read();
        read();
        read();
        assertThat(fetched).hasValue(1);
        AccessTokenReq r = requests.getFirst();
        assertThat(r.nfInstanceId()).isEqualTo("udm-instance-1");
        assertThat(r.nfType()).isEqualTo(ConsumerType.UDM);
        assertThat(r.targetNfType()).isEqualTo("UDR");
        assertThat(r.scope()).isEqualTo("nudr-dr");
        udr.verify(3, postRequestedFor(urlEqualTo("/udr-data-read")).withHeader("Authorization", equalTo("Bearer t1")));
    }

    @Test
    void whenTheTokenNearsItsExpiry_thenANewOneIsFetchedBeforeIt() {
        answerOk();
        read();
        clock.advance(Duration.ofSeconds(539)); // 600 s token, refreshed 60 s before
        read();
        assertThat(fetched).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        read();
        assertThat(fetched).hasValue(2);
        udr.verify(1, postRequestedFor(urlEqualTo("/udr-data-read")).withHeader("Authorization", equalTo("Bearer t2")));
    }

    @Test
    void whenTheProducerAnswers401_thenTheCallIsMadeOnceMoreWithAFreshToken() {
        udr.stubFor(post("/udr-data-read").inScenario("rotated").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":401,\"detail\":\"invalid access token\"}"))
                .willSetStateTo("fresh"));
        udr.stubFor(post("/udr-data-read").inScenario("rotated").whenScenarioStateIs("fresh")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ueId\":\"imsi-001010000000001\"}")));
        read();
        assertThat(fetched).hasValue(2);
        udr.verify(1, postRequestedFor(urlEqualTo("/udr-data-read")).withHeader("Authorization", equalTo("Bearer t2")));
    }

    @Test
    void whenTheProducerKeepsAnswering401_thenTheCallFailsAfterOneRetry() {
        udr.stubFor(post("/udr-data-read").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":401,\"detail\":\"invalid access token\"}")));
        assertThatThrownBy(this::read).isInstanceOfSatisfying(FunctionCallException.class, e -> assertThat(e.status()).isEqualTo(401));
        udr.verify(2, postRequestedFor(urlEqualTo("/udr-data-read")));
    }

    @Test
    void whenTheConsumerMayCallNoServiceOfTheTarget_thenNoTokenIsAskedAndTheCallIsRefused() {
        AccessTokens tokens = new AccessTokens(nrf, "amf-1", Duration.ofSeconds(60), clock);
        assertThatThrownBy(() -> tokens.tokenFor(ConsumerType.AMF, NfType.UDR))
                .isInstanceOfSatisfying(AccessTokenRefused.class, e -> assertThat(e.error().error()).isEqualTo("invalid_scope"));
        assertThat(fetched).hasValue(0);
    }
}
