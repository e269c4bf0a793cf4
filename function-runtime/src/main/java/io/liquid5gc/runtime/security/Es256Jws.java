package io.liquid5gc.runtime.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JWS in compact serialisation signed with ES256 (RFC 7515 7.1, RFC 7518 3.4): split, its header and payload read as
 * JSON with Jackson, the signature checked with Nimbus JOSE's {@link ECDSAVerifier} (the key's curve, the signature's
 * length and the range of r and s, then the JDK's ECDSA). Nimbus's own token parsing ({@code SignedJWT},
 * {@code JWTClaimsSet}) reads JSON with the Gson it carries (~150 classes more in every function process); the JSON
 * here is Jackson's, which every process has loaded anyway (docs/operations.md "Memory of a function unit").
 *
 * <p>Refused (a {@link Invalid}, the verifier's 401): not three base64url parts, header or payload not a JSON object,
 * a member name twice (RFC 7515 4: this parser does not pick one), {@code alg} other than {@code ES256} ({@code none},
 * HMAC, RSA), a {@code crit} header (RFC 7515 4.1.11: no extension is understood here).
 *
 * @param header       the protected header
 * @param claims       the payload, a JSON object (the JWT claims set, RFC 7519 4)
 * @param signingInput ASCII(BASE64URL(header) || '.' || BASE64URL(payload)), what the signature covers
 * @param signature    the signature, base64url as sent
 */
public record Es256Jws(JsonNode header, JsonNode claims, byte[] signingInput, Base64URL signature) {

    /** Why a token is refused: not a compact ES256 JWS this parser accepts, or (from the verifier) its signature or claims. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

    /** The parts of {@code compact}, or why it is not a compact ES256 JWS. */
    static Es256Jws parse(String compact) throws Invalid {
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || compact.indexOf('.', second + 1) >= 0 || second == compact.length() - 1) {
            throw new Invalid("not a signed JWT (three base64url parts separated by '.', RFC 7515 7.1)");
        }
        JsonNode header = object(compact.substring(0, first), "header");
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString() || !alg.asString().equals("ES256")) {
            throw new Invalid("the token's algorithm is " + (alg == null ? "not given" : alg)
                    + ", not ES256 (TS 33.501 13.4.1.1: the NRF signs with ES256)");
        }
        if (header.has("crit")) {
            throw new Invalid("the token's header has critical parameters " + header.get("crit") + " this producer does not understand (RFC 7515 4.1.11)");
        }
        JsonNode claims = object(compact.substring(first + 1, second), "claims set");
        byte[] input = compact.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        String signature = compact.substring(second + 1);
        try {
            Base64.getUrlDecoder().decode(signature); // strict: Nimbus's decoder skips characters outside the alphabet
        } catch (IllegalArgumentException e) {
            throw new Invalid("the token's signature is not base64url");
        }
        return new Es256Jws(header, claims, input, new Base64URL(signature));
    }

    /** The {@code kid} of the header, or null. */
    String keyId() {
        JsonNode kid = header.get("kid");
        return kid != null && kid.isString() ? kid.asString() : null;
    }

    /** Whether {@code key} (a public P-256 key) made the signature. */
    boolean verifiedBy(ECKey key) {
        try {
            return new ECDSAVerifier(key).verify(ES256, signingInput, signature);
        } catch (JOSEException e) {
            return false; // a key of another curve, or one Nimbus cannot use for ES256
        }
    }

    /** A compact ES256 JWS of {@code claims} signed with {@code key}, its {@code kid} in the header (the training run's tokens). */
    public static String sign(ECKey key, Map<String, Object> claims) {
        java.util.LinkedHashMap<String, Object> header = new java.util.LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", "JWT");
        if (key.getKeyID() != null) {
            header.put("kid", key.getKeyID());
        }
        String input = base64(JSON.writeValueAsBytes(header)) + "." + base64(JSON.writeValueAsBytes(claims));
        try {
            return input + "." + new ECDSASigner(key).sign(ES256, input.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID() + ": " + e.getMessage(), e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JsonNode object(String part, String what) throws Invalid {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Invalid("the token's " + what + " is not base64url");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new Invalid("the token's " + what + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Invalid("the token's " + what + " is not a JSON object");
        }
        return node;
    }
}
