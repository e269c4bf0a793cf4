package io.liquid5gc.runtime.placement;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs a JSON body to a function's URL over pooled HTTP/1.1 keep-alive connections, with Apache HttpClient 5's
 * classic (blocking) client: the calling virtual thread writes the request and reads the answer on the socket itself,
 * no hand-off to a selector thread and back through an executor (issue 16 item 3: {@code HttpHopBenchmark} measured
 * one loopback hop at 47 us this way against 252 us with the JDK HttpClient, 2 forks, load ~10). Blocking by design:
 * callers run on virtual threads.
 */
final class HttpFunctionTransport implements AutoCloseable {

    /** What came back, or why nothing did. */
    sealed interface Outcome {
        /** {@code retryAfter}: the answer's {@code Retry-After} header as sent (RFC 9110 10.2.3), or null. */
        record Answered(int status, String contentType, byte[] body, String retryAfter) implements Outcome {
            Answered(int status, String contentType, byte[] body) {
                this(status, contentType, body, null);
            }
        }

        /** The request never reached the peer (refused, connect timeout, no pooled connection in time): safe to retry for any function. */
        record NotConnected(IOException error) implements Outcome {
        }

        /** Sent, but no answer in time. */
        record TimedOut(IOException error) implements Outcome {
        }

        /** Sent, then the connection failed: the peer may have acted on it. */
        record Broken(IOException error) implements Outcome {
        }
    }

    /** Connections per peer (scheme, host, port) and in all: a call waits for one at most its own timeout. */
    static final int MAX_PER_PEER = 512;
    static final int MAX_TOTAL = 4096;

    private final CloseableHttpClient client;

    /**
     * How long a pooled connection may stay idle before it is closed (the evictor runs this often too, so an idle
     * connection is closed after at most twice this): below every server's keep-alive idle timeout, so that a server
     * never closes a connection this client is about to reuse (a POST on a connection the server closed just then
     * fails with NoHttpResponseException and is not retried for a non-idempotent function). The servers here: NF
     * processes 60 s (liquid5gc.http-server.idle-timeout), the function runner's JDK HttpServer 30 s
     * (sun.net.httpserver.idleInterval); seen as 4 failed registrations in the evaluation's daily replay with 30 s.
     */
    static final Duration MAX_IDLE = Duration.ofSeconds(10);

    HttpFunctionTransport(Duration connectTimeout) {
        this(connectTimeout, null);
    }

    /** @param tls the TLS context presenting this NF's certificate (mTLS, TS 33.501 13.1), null for the default */
    HttpFunctionTransport(Duration connectTimeout, javax.net.ssl.SSLContext tls) {
        this(connectTimeout, tls, MAX_IDLE);
    }

    HttpFunctionTransport(Duration connectTimeout, javax.net.ssl.SSLContext tls, Duration maxIdle) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_PER_PEER).setMaxConnTotal(MAX_TOTAL)
                // a lax pool: no global lock on every lease, virtual threads never pin on it
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        // a kept-alive connection idle this long is checked before reuse (the peer may have closed it)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (tls != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        this.client = HttpClients.custom()
                .setConnectionManager(pool.build())
                // the retry policy is PlacementFunctionClient's (idempotent functions only)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofMilliseconds(maxIdle.toMillis()))
                .build();
    }

    Outcome post(URI uri, byte[] json, Duration timeout, String authorization) throws InterruptedException {
        return post(uri, json, timeout, authorization, null);
    }

    /** The same, passing on the tenant of the call ({@code Liquid5gc-Tenant}) when not null. */
    Outcome post(URI uri, byte[] json, Duration timeout, String authorization, String tenant) throws InterruptedException {
        HttpPost post = new HttpPost(uri);
        if (tenant != null) {
            post.setHeader(io.liquid5gc.runtime.metering.Tenancy.HEADER, tenant);
        }
        post.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout)).build());
        if (authorization != null) {
            post.setHeader("Authorization", authorization);
        }
        post.setHeader("Accept", "application/json, application/problem+json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        try {
            return client.execute(post, response -> {
                Header type = response.getFirstHeader("Content-Type");
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Outcome.Answered(response.getCode(), type == null ? "" : type.getValue(), body,
                        retryAfter == null ? null : retryAfter.getValue());
            });
        } catch (ConnectTimeoutException | ConnectException e) {
            return new Outcome.NotConnected(e);
        } catch (org.apache.hc.core5.http.ConnectionRequestTimeoutException e) {
            return new Outcome.NotConnected(e); // no connection to the peer was free in time: nothing was sent
        } catch (SocketTimeoutException e) {
            return new Outcome.TimedOut(e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("call to " + uri + " interrupted");
            }
            return new Outcome.TimedOut(e);
        } catch (IOException e) {
            return isConnectFailure(e) ? new Outcome.NotConnected(e) : new Outcome.Broken(e);
        }
    }

    private static boolean isConnectFailure(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }
}
