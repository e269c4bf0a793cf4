package io.liquid5gc.benchmarks.sbi;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.Ambr;
import io.liquid5gc.sbi.udm.Nssai;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.sbi.udr.UdrApi;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.liquid5gc.udr.SubscriberRepository;
import io.liquid5gc.udr.UdrApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server side of one HTTP hop (issue 16 item 3), which {@link HttpHopBenchmark} leaves out: the real UDR application
 * (nf-udr, in this JVM, in-memory store, SBI tokens off) answering {@code POST /udr-data-read} through function-runtime's
 * {@code FunctionEndpoint} (Reactor Netty, body aggregation, hand-off to a virtual thread, Jackson in and out, the
 * dispatcher), against the same request to a bare Reactor Netty server that answers the same bytes on its event loop,
 * and against the function called in-process through the dispatcher (what {@code local} placement costs). The client
 * is Apache HttpClient 5 classic, as {@code HttpFunctionTransport}. Server side of a hop = {@code functionEndpoint} -
 * {@code bareNetty}; of that, the function itself = {@code dispatcherInProcess}, the JSON = {@code jsonRoundTrip}.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar FunctionEndpointBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FunctionEndpointBenchmark {

    static final String SUPI = "imsi-001010000000001";
    static final DataReadRequest READ = DataReadRequest.of(SUPI, UdrDataSet.AM_DATA);

    ConfigurableApplicationContext udr;
    FunctionDispatcher dispatcher;
    ObjectMapper json;
    DisposableServer bare;
    CloseableHttpClient apache;
    URI functionUri;
    URI bareUri;
    byte[] request;
    byte[] answer;

    @Setup
    public void start() throws Exception {
        udr = new SpringApplicationBuilder(UdrApplication.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0", "--server.address=127.0.0.1", "--liquid5gc.security.enabled=false",
                "--liquid5gc.provisioning.default-subscribers=none", "--liquid5gc.store.memory.journal=none",
                "--liquid5gc.registration.enabled=false", "--logging.level.root=WARN");
        dispatcher = udr.getBean(FunctionDispatcher.class);
        json = udr.getBeanProvider(ObjectMapper.class).getIfAvailable(JsonMapper::new);
        Snssai slice = new Snssai(1, "010203");
        udr.getBean(SubscriberRepository.class).create(new SubscriptionData(SUPI,
                new AuthenticationSubscription(AuthenticationSubscription.METHOD_5G_AKA, "465b5ce8b199b49faa5f0a2ee238a6bc", "none",
                        new AuthenticationSubscription.SequenceNumber(AuthenticationSubscription.SequenceNumber.NON_TIME_BASED,
                                "000000000000", 5), "8000", "milenage", "e8ed289deba952e4283b54e88e6183ca", SUPI),
                new AccessAndMobilitySubscriptionData(List.of(), new Ambr("1 Gbps", "2 Gbps"), new Nssai(List.of(slice), List.of(slice))),
                null, List.of()));
        int port = ((WebServerApplicationContext) udr).getWebServer().getPort();
        functionUri = URI.create("http://127.0.0.1:" + port + "/" + UdrApi.DATA_READ.name());
        request = json.writeValueAsBytes(READ);
        apache = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(64).setMaxConnTotal(256)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(2)).build()).build())
                .disableAutomaticRetries().disableRedirectHandling()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(5)).build()).build();
        // the bare server answers exactly what the UDR answered over HTTP
        answer = post(functionUri);
        if (!new String(answer, StandardCharsets.UTF_8).contains(SUPI)) {
            throw new IllegalStateException("udr-data-read over HTTP answered " + new String(answer, StandardCharsets.UTF_8));
        }
        if (dispatcher.invoke(UdrApi.DATA_READ, READ, Placement.LOCAL).amData() == null) {
            throw new IllegalStateException("udr-data-read in-process answered no am-data");
        }
        byte[] served = answer;
        bare = HttpServer.create().host("127.0.0.1").port(0)
                .route(r -> r.post("/" + UdrApi.DATA_READ.name(), (req, res) -> res.header("Content-Type", "application/json")
                        .sendByteArray(req.receive().aggregate().asByteArray().then(Mono.just(served)))))
                .bindNow();
        bareUri = URI.create("http://127.0.0.1:" + bare.port() + "/" + UdrApi.DATA_READ.name());
    }

    @TearDown
    public void stop() throws Exception {
        apache.close();
        bare.disposeNow();
        udr.close();
    }

    private byte[] post(URI uri) throws Exception {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(request, ContentType.APPLICATION_JSON));
        return apache.execute(post, response -> {
            if (response.getCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.getCode());
            }
            return EntityUtils.toByteArray(response.getEntity());
        });
    }

    /** The whole hop to the real UDR: client, Reactor Netty, FunctionEndpoint, the function, back. */
    @Benchmark
    public byte[] functionEndpoint() throws Exception {
        return post(functionUri);
    }

    /** The same bytes both ways to a server that does nothing but answer them on its event loop. */
    @Benchmark
    public byte[] bareNetty() throws Exception {
        return post(bareUri);
    }

    /** The function through the dispatcher, no HTTP, no JSON ({@code local} placement). */
    @Benchmark
    public SubscriptionData dispatcherInProcess() {
        return dispatcher.invoke(UdrApi.DATA_READ, READ, Placement.LOCAL);
    }

    /** What FunctionEndpoint adds in Jackson: the request read, the answer written. */
    @Benchmark
    public byte[] jsonRoundTrip() {
        DataReadRequest in = json.readValue(request, DataReadRequest.class);
        return json.writeValueAsBytes(dispatcher.invoke(UdrApi.DATA_READ, in, Placement.LOCAL));
    }
}
