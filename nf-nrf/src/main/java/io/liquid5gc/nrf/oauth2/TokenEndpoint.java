package io.liquid5gc.nrf.oauth2;

import io.liquid5gc.runtime.security.AccessTokenRefused;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;
import io.liquid5gc.sbi.security.ConsumerType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /oauth2/token} (TS 29.510 5.4.2.2 Nnrf_AccessToken_Get: the client credentials grant, form-encoded
 * AccessTokenReq, answer AccessTokenRsp or AccessTokenErr; {@code Cache-Control: no-store}, RFC 6749 5.1) and
 * {@code GET /oauth2/jwks}, the public keys producers verify with (RFC 7517).
 */
final class TokenEndpoint {

    private final NrfTokenIssuer issuer;
    private final ClientRegistry clients;

    TokenEndpoint(NrfTokenIssuer issuer, ClientRegistry clients) {
        this.issuer = issuer;
        this.clients = clients;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/oauth2/token", this::handleAccessTokenRequest)
                .GET("/oauth2/jwks", req -> ServerResponse.ok().contentType(MediaType.parseMediaType("application/jwk-set+json"))
                        .bodyValue(issuer.publicKeys().toString(true)))
                .build();
    }

    private Mono<ServerResponse> handleAccessTokenRequest(ServerRequest request) {
        String authorization = request.headers().firstHeader("Authorization");
        org.springframework.http.server.reactive.SslInfo ssl = request.exchange().getRequest().getSslInfo();
        java.security.cert.X509Certificate[] chain = ssl == null ? null : ssl.getPeerCertificates();
        String certified = chain == null || chain.length == 0 ? null
                : io.liquid5gc.runtime.security.NfCertificates.instanceIdOf(chain[0]).orElse(null);
        return request.formData()
                // password hashing is CPU work: off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(form -> issue(form, authorization, certified))
                .flatMap(rsp -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .header("Cache-Control", "no-store").header("Pragma", "no-cache").bodyValue(rsp))
                .onErrorResume(AccessTokenRefused.class, e -> {
                    ServerResponse.BodyBuilder b = ServerResponse.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                            .header("Cache-Control", "no-store");
                    if (e.status() == 401) {
                        b.header("WWW-Authenticate", "Basic realm=\"nrf\"");
                    }
                    return b.bodyValue(e.error());
                });
    }

    /**
     * @param certified the NF instance the client's TLS certificate names (mTLS, TS 33.501 13.3.1: then it
     *                  authenticates the client), null without one
     */
    private AccessTokenRsp issue(MultiValueMap<String, String> form, String authorization, String certified) {
        if (!AccessTokenReq.GRANT_TYPE.equals(form.getFirst("grant_type"))) {
            throw AccessTokenRefused.of(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        String nfTypeName = form.getFirst("nfType");
        ConsumerType nfType = ConsumerType.fromWire(nfTypeName).orElseThrow(() ->
                AccessTokenRefused.of(400, "invalid_request", "nfType " + nfTypeName + " is not an NF type of this core"));
        AccessTokenReq req = new AccessTokenReq(form.getFirst("nfInstanceId"), nfType, form.getFirst("targetNfType"),
                form.getFirst("targetNfInstanceId"), form.getFirst("scope"));
        if (certified != null) {
            clients.authenticateCertified(certified, req.nfInstanceId(), nfType);
            return issuer.issue(req);
        }
        String[] basic = basic(authorization);
        String clientId = basic != null ? basic[0] : form.getFirst("client_id");
        String secret = basic != null ? basic[1] : form.getFirst("client_secret");
        clients.authenticate(clientId, secret, req.nfInstanceId(), nfType);
        return issuer.issue(req);
    }

    /** RFC 6749 2.3.1: client id and secret, each form-urlencoded, in HTTP Basic. */
    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AccessTokenRefused.of(401, "invalid_client", "Authorization: Basic is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw AccessTokenRefused.of(401, "invalid_client", "Authorization: Basic without a secret");
        }
        return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }
}
