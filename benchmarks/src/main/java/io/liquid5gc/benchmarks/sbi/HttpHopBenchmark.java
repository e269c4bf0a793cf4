package io.liquid5gc.benchmarks.sbi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
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
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * One HTTP hop between two NFs, client side (issue 16 item 3): a POST of a 200-byte JSON body over a kept-alive
 * loopback connection to a Reactor Netty server (what every NF serves with) that answers on its event loop, through
 * the JDK HttpClient as {@code HttpFunctionTransport} configures it (HTTP/1.1, virtual-thread executor: the request
 * goes through the client's selector thread and the answer comes back through the executor, two hand-offs) and through
 * Apache HttpClient 5's classic client (the calling thread writes the request and reads the answer itself). The
 * server's cost is the same in both. Run: {@code java -jar benchmarks/target/benchmarks.jar HttpHopBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HttpHopBenchmark {

    static final byte[] REQUEST = ("{\"supi\":\"imsi-001010000000001\",\"servingNetworkName\":\"5G:mnc001.mcc001.3gppnetwork.org\","
            + "\"authenticationInfoRequest\":{\"ausfInstanceId\":\"00000000-0000-4000-8000-000000000003\"},\"padding\":\"" + "x".repeat(40) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] ANSWER = "{\"authType\":\"5G_AKA\",\"supi\":\"imsi-001010000000001\"}".getBytes(StandardCharsets.UTF_8);

    DisposableServer server;
    URI uri;
    HttpClient jdk;
    CloseableHttpClient apache;
    PoolingHttpClientConnectionManager pool;

    @Setup
    public void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(r -> r.post("/udm-generate-auth-data", (req, res) -> res.header("Content-Type", "application/json")
                        .sendByteArray(req.receive().aggregate().asByteArray().then(Mono.just(ANSWER)))))
                .bindNow();
        uri = URI.create("http://127.0.0.1:" + server.port() + "/udm-generate-auth-data");
        jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).followRedirects(HttpClient.Redirect.NEVER).build();
        pool = PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(64).setMaxConnTotal(256)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(2)).build()).build();
        apache = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries().disableRedirectHandling()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(5)).build()).build();
    }

    @TearDown
    public void stop() throws Exception {
        apache.close();
        jdk.close();
        server.disposeNow();
    }

    @Benchmark
    public byte[] jdkHttpClient() throws Exception {
        HttpResponse<byte[]> r = jdk.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Authorization", "Bearer x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(REQUEST)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.body();
    }

    @Benchmark
    public byte[] apacheClassic() throws Exception {
        HttpPost post = new HttpPost(uri);
        post.setHeader("Authorization", "Bearer x");
        post.setEntity(new ByteArrayEntity(REQUEST, ContentType.APPLICATION_JSON));
        return apache.execute(post, response -> EntityUtils.toByteArray(response.getEntity()));
    }
}
