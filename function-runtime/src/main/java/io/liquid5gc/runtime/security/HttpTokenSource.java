package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.security.AccessTokenErr;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Nnrf_AccessToken_Get over HTTP (TS 29.510 5.4.2.2): {@code POST /oauth2/token}, form-encoded, the instance
 * authenticated with its client secret by HTTP Basic (RFC 6749 2.3.1; client id = NF instance id).
 *
 * <p>The JDK HttpClient is built at the first token asked for, not with the bean: a function unit that calls no other
 * NF never asks, so neither the client's classes nor its selector thread are in its process (docs/operations.md
 * "Cold start": every class loaded costs each start's memory through the AOT cache).
 */
final class HttpTokenSource implements TokenSource {

    private final URI tokenUri;
    private final String clientSecret;
    private final java.util.function.Supplier<HttpClient> newClient;
    private final ObjectMapper json;
    private volatile HttpClient http;

    /** @param newClient builds the client, called once, at the first {@link #fetch} */
    HttpTokenSource(URI tokenUri, String clientSecret, java.util.function.Supplier<HttpClient> newClient, ObjectMapper json) {
        this.tokenUri = tokenUri;
        this.clientSecret = clientSecret;
        this.newClient = newClient;
        this.json = json;
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = newClient.get();
                    http = c;
                }
            }
        }
        return c;
    }

    @Override
    public AccessTokenRsp fetch(AccessTokenReq request) {
        String form = request.toForm().entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (clientSecret != null) {
            String basic = enc(request.nfInstanceId()) + ":" + enc(clientSecret);
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> rsp;
        try {
            rsp = client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("NRF token endpoint " + tokenUri + " not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while asking " + tokenUri + " for a token", e));
        }
        try {
            if (rsp.statusCode() == 200) {
                AccessTokenRsp token = json.readValue(rsp.body(), AccessTokenRsp.class);
                if (token.accessToken() == null) {
                    throw AccessTokenRefused.of(502, "invalid_response", tokenUri + " answered 200 without access_token");
                }
                return token;
            }
            AccessTokenErr err = json.readValue(rsp.body(), AccessTokenErr.class);
            throw new AccessTokenRefused(rsp.statusCode(), err.error() == null ? AccessTokenErr.of("invalid_request", "HTTP " + rsp.statusCode()) : err);
        } catch (JacksonException e) {
            throw AccessTokenRefused.of(rsp.statusCode() == 200 ? 502 : rsp.statusCode(), "invalid_response",
                    tokenUri + " answered " + rsp.statusCode() + " with a body that is not an AccessTokenRsp/Err");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
