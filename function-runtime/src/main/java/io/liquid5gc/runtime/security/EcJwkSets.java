package io.liquid5gc.runtime.security;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NRF's JWK set (RFC 7517 5) as the producers read it: its elliptic-curve keys (RFC 7518 6.2), read with Jackson
 * into Nimbus JOSE's {@link ECKey} (which checks that the point is on its curve). Nimbus's {@code JWKSet.parse} reads
 * JSON with the Gson it carries, ~150 classes more in every function process (docs/operations.md "Memory of a function
 * unit"). Keys of other types (RSA, oct, OKP) are left out: a token is only ever checked with ES256 (TS 33.501
 * 13.4.1.1), which none of them can verify. A key that is not valid (an unknown curve, a point not on it, bad
 * base64url) makes the whole set invalid, as with Nimbus.
 */
public final class EcJwkSets {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private EcJwkSets() {
    }

    /** The EC keys of a JWK set's JSON ({@code {"keys":[...]}}). */
    public static JWKSet parse(String json) throws java.text.ParseException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new java.text.ParseException("not JSON: " + e.getOriginalMessage(), 0);
        }
        JsonNode keys = root == null ? null : root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new java.text.ParseException("no \"keys\" array (RFC 7517 5)", 0);
        }
        List<JWK> out = new ArrayList<>();
        for (JsonNode k : keys) {
            if (!k.isObject()) {
                throw new java.text.ParseException("a key is not a JSON object", 0);
            }
            if ("EC".equals(text(k, "kty"))) {
                out.add(key(k));
            }
        }
        return new JWKSet(out);
    }

    /** One EC key of a JWK's JSON, private when it has {@code d}. */
    public static ECKey parseKey(String json) throws java.text.ParseException {
        try {
            JsonNode k = JSON.readTree(json);
            if (k == null || !k.isObject() || !"EC".equals(text(k, "kty"))) {
                throw new java.text.ParseException("not an EC JWK", 0);
            }
            return key(k);
        } catch (JacksonException e) {
            throw new java.text.ParseException("not JSON: " + e.getOriginalMessage(), 0);
        }
    }

    /** The JSON of a JWK set of {@code keys} (public halves unless {@code withPrivate}). */
    public static String write(List<ECKey> keys, boolean withPrivate) {
        List<Map<String, Object>> list = keys.stream().map(k -> members(k, withPrivate)).toList();
        return JSON.writeValueAsString(Map.of("keys", list));
    }

    /** The JSON of one key, with its private part. */
    public static String writePrivate(ECKey key) {
        return JSON.writeValueAsString(members(key, true));
    }

    private static Map<String, Object> members(ECKey k, boolean withPrivate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "EC");
        m.put("crv", k.getCurve().getName());
        if (k.getKeyID() != null) {
            m.put("kid", k.getKeyID());
        }
        if (k.getKeyUse() != null) {
            m.put("use", k.getKeyUse().identifier());
        }
        if (k.getAlgorithm() != null) {
            m.put("alg", k.getAlgorithm().getName());
        }
        m.put("x", k.getX().toString());
        m.put("y", k.getY().toString());
        if (withPrivate && k.getD() != null) {
            m.put("d", k.getD().toString());
        }
        return m;
    }

    private static ECKey key(JsonNode k) throws java.text.ParseException {
        String crv = required(k, "crv");
        try {
            Curve curve = Curve.parse(crv); // IllegalArgumentException for a blank name (found by AccessTokenParsingFuzzTest)
            ECKey.Builder b = new ECKey.Builder(curve, new Base64URL(required(k, "x")), new Base64URL(required(k, "y")))
                    .keyID(text(k, "kid"));
            String use = text(k, "use");
            if (use != null) {
                b.keyUse(KeyUse.parse(use));
            }
            String alg = text(k, "alg");
            if (alg != null) {
                b.algorithm(Algorithm.parse(alg));
            }
            String d = text(k, "d");
            if (d != null) {
                b.d(new Base64URL(d));
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new java.text.ParseException("key " + text(k, "kid") + ": " + e.getMessage(), 0);
        }
    }

    private static String required(JsonNode k, String name) throws java.text.ParseException {
        String v = text(k, name);
        if (v == null) {
            throw new java.text.ParseException("key " + text(k, "kid") + ": no \"" + name + "\" (RFC 7518 6.2.1)", 0);
        }
        return v;
    }

    private static String text(JsonNode k, String name) throws java.text.ParseException {
        JsonNode v = k.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new java.text.ParseException("\"" + name + "\" is not a string", 0);
        }
        return v.asString();
    }
}
