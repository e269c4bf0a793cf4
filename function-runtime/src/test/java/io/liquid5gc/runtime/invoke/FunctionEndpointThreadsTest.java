package io.liquid5gc.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.placement.Placement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import io.liquid5gc.sbi.common.ProblemDetails;
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
 * event loop, and answers the same; beyond {@code liquid5gc.serve.max-concurrency} calls in flight it answers 503 the
 * same way on both, and with platform threads the pool never has more threads than that limit.
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

    /**
     * A burst of calls far over {@code max-concurrency} against a function that blocks: exactly {@code limit} run at
     * once, every other one is answered the same 503 problem with Retry-After on both kinds of thread, and with
     * platform threads the pool's live threads (counted by their name) never exceed the limit, and end with the endpoint.
     */
    @ParameterizedTest
    @EnumSource(ServeProperties.Threads.class)
    void whenABurstExceedsMaxConcurrency_thenLimitCallsRunAndTheOthersAre503WithoutAThreadEach(ServeProperties.Threads threads)
            throws Exception {
        int limit = 4;
        int burst = 60;
        CountDownLatch allEntered = new CountDownLatch(limit);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("pcf-policy-get", (Function<Object, Object>) in -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            ranOn.set(Thread.currentThread());
            allEntered.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return java.util.Map.of("answered", true);
        });
        JsonMapper json = new JsonMapper();
        String prefix;
        AtomicInteger mostPoolThreads = new AtomicInteger();
        try (FunctionEndpoint endpoint = new FunctionEndpoint(new FunctionDispatcher(beans, new SimpleMeterRegistry()),
                new ServeProperties(Placement.HTTP, null, limit, threads), json)) {
            DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                    .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(endpoint.routes()))).bindNow();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = null;
            try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                 AutoCloseable finishFirst = finish::countDown) { // before the client's close waits for the calls
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/pcf-policy-get"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"polAssoId\":\"a\"}")).build();
                List<CompletableFuture<HttpResponse<String>>> held = IntStream.range(0, limit)
                        .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
                assertThat(allEntered.await(120, TimeUnit.SECONDS)).as("the first %d calls are running", limit).isTrue();
                String name = ranOn.get().getName();
                prefix = name.substring(0, name.lastIndexOf('-') + 1); // function-<pool>-
                if (threads == ServeProperties.Threads.PLATFORM) {
                    sampler = Thread.ofPlatform().daemon(true).start(() -> {
                        while (sampling.get()) {
                            mostPoolThreads.accumulateAndGet(liveThreadsNamed(prefix), Math::max);
                            try {
                                Thread.sleep(1);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                }

                List<CompletableFuture<HttpResponse<String>>> refused = IntStream.range(0, burst)
                        .mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
                tools.jackson.databind.JsonNode expected = json.valueToTree(new ProblemDetails(null, "Service Unavailable", 503,
                        "pcf-policy-get: more than " + limit + " invocations in flight", "/pcf-policy-get", "NF_CONGESTION", null));
                for (CompletableFuture<HttpResponse<String>> f : refused) {
                    HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Content-Type")).hasValue(ProblemDetails.MEDIA_TYPE);
                    assertThat(r.headers().firstValue("Retry-After")).hasValue(io.liquid5gc.runtime.http.ProblemResponses.RETRY_AFTER_SECONDS);
                    assertThat(json.readTree(r.body())).isEqualTo(expected);
                }
                assertThat(running.get()).isEqualTo(limit);
                if (threads == ServeProperties.Threads.PLATFORM) {
                    assertThat(liveThreadsNamed(prefix)).as("pool threads after the burst").isEqualTo(limit);
                }

                finish.countDown();
                for (CompletableFuture<HttpResponse<String>> f : held) {
                    HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                }
            } finally {
                sampling.set(false);
                if (sampler != null) {
                    sampler.join();
                }
                server.disposeNow();
            }
        }
        assertThat(mostRunning.get()).isEqualTo(limit);
        if (threads == ServeProperties.Threads.PLATFORM) {
            assertThat(mostPoolThreads.get()).as("most pool threads alive at once").isLessThanOrEqualTo(limit);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // closed: each thread ends once off the set
            while (liveThreadsNamed(prefix) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(liveThreadsNamed(prefix)).as("pool threads after close").isZero();
        }
    }

    private static int liveThreadsNamed(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
