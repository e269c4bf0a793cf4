package io.liquid5gc.runtime.placement;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * POSTs a JSON body to a function's URL over pooled HTTP/1.1 keep-alive connections (the JDK client keeps
 * idle connections per host). Blocking by design: callers run on virtual threads.
 */
final class HttpFunctionTransport implements AutoCloseable {

    /** What came back, or why nothing did. */
    sealed interface Outcome {
        record Answered(int status, String contentType, byte[] body) implements Outcome {
        }

        /** The request never reached the peer (refused, connect timeout): safe to retry for any function. */
        record NotConnected(IOException error) implements Outcome {
        }

        /** Sent, but no answer in time. */
        record TimedOut(IOException error) implements Outcome {
        }

        /** Sent, then the connection failed: the peer may have acted on it. */
        record Broken(IOException error) implements Outcome {
        }
    }

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    HttpFunctionTransport(Duration connectTimeout) {
        this(connectTimeout, null);
    }

    /** @param tls the TLS context presenting this NF's certificate (mTLS, TS 33.501 13.1), null for the default */
    HttpFunctionTransport(Duration connectTimeout, javax.net.ssl.SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.client = b.build();
    }

    Outcome post(URI uri, byte[] json, Duration timeout, String authorization) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome.Answered(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (HttpConnectTimeoutException e) {
            return new Outcome.NotConnected(e);
        } catch (HttpTimeoutException e) {
            return new Outcome.TimedOut(e);
        } catch (ConnectException e) {
            return new Outcome.NotConnected(e);
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
        client.close();
        executor.close();
    }
}
