package io.liquid5gc.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.placement.Placement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code liquid5gc.serve.threads}: a function served over HTTP (a real Reactor Netty server, the JDK's client) runs on
 * a virtual thread by default and on a platform thread of the endpoint's pool with {@code platform}, never on the
 * event loop, and answers the same.
 */
class FunctionEndpointThreadsTest {

    @ParameterizedTest
    @EnumSource(ServeProperties.Threads.class)
    void whenAFunctionIsCalledOverHttp_thenItRunsOnTheConfiguredKindOfThread(ServeProperties.Threads threads) throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("pcf-policy-get", (Function<Object, Object>) in -> {
            ranOn.set(Thread.currentThread());
            return java.util.Map.of("answered", true);
        });
        try (FunctionEndpoint endpoint = new FunctionEndpoint(new FunctionDispatcher(beans, new SimpleMeterRegistry()),
                new ServeProperties(Placement.HTTP, null, 16, threads), new JsonMapper())) {
            DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                    .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(endpoint.routes()))).bindNow();
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/pcf-policy-get"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"polAssoId\":\"a\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).contains("answered");
            } finally {
                server.disposeNow();
            }
        }
        assertThat(ranOn.get().isVirtual()).isEqualTo(threads == ServeProperties.Threads.VIRTUAL);
        assertThat(ranOn.get().getName()).doesNotStartWith("reactor-http");
        if (threads == ServeProperties.Threads.PLATFORM) {
            assertThat(ranOn.get().getName()).startsWith("function-");
        }
    }
}
