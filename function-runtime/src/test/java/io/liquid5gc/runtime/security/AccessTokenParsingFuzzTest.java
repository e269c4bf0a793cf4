package io.liquid5gc.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.spec.ECFieldFp;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Jazzer fuzz tests of what a producer reads from the network before it trusts anything: the access token of every
 * call ({@link Es256Jws#parse}, TS 33.501 13.4.1.1) and the NRF's JWK set ({@link EcJwkSets#parse}, RFC 7517 5). A
 * normal build replays the committed inputs in
 * src/test/resources/io/liquid5gc/runtime/security/AccessTokenParsingFuzzTestInputs/&lt;method&gt;/ (the input is the
 * UTF-8 text); {@code JAZZER_FUZZ=1} fuzzes ({@code .ci/fuzz}).
 *
 * <p>The key is the P-256 key of RFC 7515 Appendix A.3 (a published test vector, not a secret): the committed inputs
 * named {@code *-signed} were signed with it, the RFC's own example (A.3.1) among them.
 */
class AccessTokenParsingFuzzTest {

    /** RFC 7515 A.3.1, the example ES256 key. */
    static final ECKey RFC7515_A3 = new ECKey.Builder(Curve.P_256, new Base64URL("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
            new Base64URL("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")).build();

    /**
     * Another valid P-256 key that signed nothing: the point -Q = (x, p - y) of the same curve (private key n - d).
     * Close to the signer's as a key can be, so a verifier that looked at x alone would take it.
     */
    static final ECKey NEGATED = negated(RFC7515_A3);

    /**
     * ASCII(BASE64URL(header) || '.' || BASE64URL(payload)) of everything that was signed with {@link #RFC7515_A3}:
     * RFC 7515 A.3.1's example and the two committed {@code *-signed} inputs (made with {@link Es256Jws#sign}).
     */
    static final Set<String> SIGNED_WITH_RFC7515_A3 = Set.of(
            "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ",
            "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InJmYzc1MTUtYTMifQ.eyJpc3MiOiJucmYtMSIsInN1YiI6IjVmMGE5ZDNlLTBjNGUtNGE4ZS05"
                    + "YjFhLTAwMDAwMDAwMDAwMSIsImF1ZCI6WyJVRE0iLCJVRFIiXSwic2NvcGUiOiJudWRtLXNkbSBudWRyLWRyIiwiZXhwIjoxOTAwMDAwMDAwLCJp"
                    + "YXQiOjE4MDAwMDAwMDAsImNvbnN1bWVyTmZUeXBlIjoiQU1GIn0",
            "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJucmYtMSIsImF1ZCI6IlBDRiIsImV4cCI6MTkwMDAwMDAwMCwibmJmIjoxLjVFOSwianRp"
                    + "Ijoiw6lcdTAwMDDwn5iAIn0");

    /**
     * Any text is either a token ({@link Es256Jws}: alg ES256, header and claims JSON objects, the signing input its
     * first two parts) or refused with {@link Es256Jws.Invalid}: no other exception, error or hang. A token that
     * parses verifies with the RFC 7515 A.3 key only if that key signed its signing input, and never with another key.
     */
    @FuzzTest(maxDuration = "30s")
    void parseJws(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        Es256Jws jws;
        try {
            jws = Es256Jws.parse(token);
        } catch (Es256Jws.Invalid refused) {
            check(refused.getMessage() != null && !refused.getMessage().isBlank(), "a refusal without a reason");
            return;
        }
        check(jws.header().isObject() && jws.claims().isObject(), "header or claims not an object: " + token);
        check("ES256".equals(jws.header().get("alg").asString()), "not ES256 but parsed: " + token);
        check(!jws.header().has("crit"), "a crit header parsed: " + token);
        String signingInput = new String(jws.signingInput(), StandardCharsets.US_ASCII);
        check(token.startsWith(signingInput + "."), "the signing input is not the token's first two parts: " + token);
        jws.keyId(); // a kid of any JSON type: a string or null, never an exception
        if (jws.verifiedBy(RFC7515_A3)) {
            check(SIGNED_WITH_RFC7515_A3.contains(signingInput), "verifies with a key that never signed it: " + token);
        }
        check(!jws.verifiedBy(NEGATED), "verifies with a key that signed nothing: " + token);
    }

    /**
     * Any text is either a JWK set of valid EC keys (the point on its curve) that reads back the same when written, or
     * refused with {@link ParseException}: no other exception, error or hang.
     */
    @FuzzTest(maxDuration = "30s")
    void parseJwkSet(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        JWKSet set;
        try {
            set = EcJwkSets.parse(json);
        } catch (ParseException refused) {
            check(refused.getMessage() != null && !refused.getMessage().isBlank(), "a refusal without a reason");
            return;
        }
        List<ECKey> keys = set.getKeys().stream().map(k -> {
            check(k instanceof ECKey, "not an EC key: " + k);
            return (ECKey) k;
        }).toList();
        for (ECKey k : keys) {
            check(k.getCurve().toECParameterSpec() != null, "a curve with no parameters: " + k.getCurve());
        }
        List<JWK> again;
        try {
            again = EcJwkSets.parse(EcJwkSets.write(keys, true)).getKeys();
        } catch (ParseException e) {
            throw new AssertionError("the keys of " + json + " as written here are refused: " + e.getMessage(), e);
        }
        check(again.equals(set.getKeys()), "written and read again, the keys of " + json + " changed: " + again);
    }

    /** The committed signed inputs are what the property stands on: each verifies with the RFC's key and no other. */
    @Test
    void whenTheSignedSeedsAreParsed_thenEachVerifiesWithTheRfc7515KeyOnly() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(getClass().getResource("AccessTokenParsingFuzzTestInputs/parseJws").toURI());
        List<java.nio.file.Path> signed;
        try (var files = java.nio.file.Files.list(dir)) {
            signed = files.filter(f -> f.getFileName().toString().endsWith("-signed")).toList();
        }
        assertThat(signed).hasSameSizeAs(SIGNED_WITH_RFC7515_A3);
        for (java.nio.file.Path f : signed) {
            Es256Jws jws = Es256Jws.parse(java.nio.file.Files.readString(f));
            assertThat(jws.verifiedBy(RFC7515_A3)).as(f.toString()).isTrue();
            assertThat(jws.verifiedBy(NEGATED)).as(f.toString()).isFalse();
            assertThat(SIGNED_WITH_RFC7515_A3).contains(new String(jws.signingInput(), StandardCharsets.US_ASCII));
        }
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new AssertionError(otherwise);
        }
    }

    private static ECKey negated(ECKey k) {
        BigInteger p = ((ECFieldFp) k.getCurve().toECParameterSpec().getCurve().getField()).getP();
        BigInteger y = p.subtract(k.getY().decodeToBigInteger());
        return new ECKey.Builder(k.getCurve(), k.getX(), ECKey.encodeCoordinate(256, y)).build();
    }
}
