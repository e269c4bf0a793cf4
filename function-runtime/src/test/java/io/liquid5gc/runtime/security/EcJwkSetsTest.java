package io.liquid5gc.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NRF's JWK set read with Jackson: the same keys as Nimbus's own parser finds, and what is wrong refused. */
class EcJwkSetsTest {

    private final ECKey k1 = AccessTokenVerifierTest.generate("k1");

    @Test
    void whenTheNrfPublishesItsSet_thenTheKeysAreTheSameAsNimbusReads() throws Exception {
        ECKey sig = new ECKey.Builder(AccessTokenVerifierTest.generate("k2")).keyUse(KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).build();
        String json = new JWKSet(List.of(k1.toPublicJWK(), sig.toPublicJWK())).toString(); // Nimbus writes it
        JWKSet read = EcJwkSets.parse(json);
        assertThat(read.getKeys()).containsExactlyElementsOf(JWKSet.parse(json).getKeys());
        assertThat(read.getKeys()).noneMatch(k -> k.isPrivate());
        assertThat(read.getKeyByKeyId("k2").getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
    }

    @Test
    void whenWrittenHere_thenNimbusReadsTheSameKeys() throws Exception {
        assertThat(JWKSet.parse(EcJwkSets.write(List.of(k1), false)).getKeys()).containsExactly(k1.toPublicJWK());
        ECKey priv = EcJwkSets.parseKey(EcJwkSets.writePrivate(k1));
        assertThat(priv.isPrivate()).isTrue();
        assertThat(priv).isEqualTo(k1);
    }

    @Test
    void whenTheSetHoldsAPrivateKey_thenItShows() throws Exception {
        assertThat(EcJwkSets.parse(new JWKSet(k1).toString(false)).getKeys()).allMatch(k -> k.isPrivate());
    }

    @Test
    void whenTheSetHasKeysOfOtherTypes_thenOnlyTheEcKeysAreKept() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
        JWKSet read = EcJwkSets.parse(new JWKSet(List.of(rsa.toPublicJWK(), k1.toPublicJWK())).toString());
        assertThat(read.getKeys()).containsExactly(k1.toPublicJWK());
    }

    @Test
    void whenAPointIsNotOnItsCurveOrTheJsonIsWrong_thenTheSetIsRefused() {
        ECKey other = AccessTokenVerifierTest.generate("k9");
        String offCurve = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"k1\",\"x\":\"" + k1.getX() + "\",\"y\":\"" + other.getY() + "\"}]}";
        assertThatThrownBy(() -> EcJwkSets.parse(offCurve)).isInstanceOf(ParseException.class).hasMessageContaining("k1");
        assertThatThrownBy(() -> EcJwkSets.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + k1.getX() + "\"}]}"))
                .isInstanceOf(ParseException.class).hasMessageContaining("\"y\"");
        assertThatThrownBy(() -> EcJwkSets.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-384\",\"x\":\"" + k1.getX() + "\",\"y\":\""
                + k1.getY() + "\"}]}")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> EcJwkSets.parse("{\"keys\":{}}")).isInstanceOf(ParseException.class).hasMessageContaining("keys");
        assertThatThrownBy(() -> EcJwkSets.parse("not json")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> EcJwkSets.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":7}]}")).isInstanceOf(ParseException.class);
        assertThat(Curve.P_256.getName()).isEqualTo("P-256");
    }

    /** Found by AccessTokenParsingFuzzTest (its input parseJwkSet/crv-empty-e4afa029): Nimbus's Curve.parse threw through. */
    @Test
    void whenACurveNameIsBlank_thenTheSetIsRefusedNotThrownThrough() {
        for (String crv : List.of("", " ")) {
            assertThatThrownBy(() -> EcJwkSets.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"" + crv + "\",\"kid\":\"k1\",\"x\":\""
                    + k1.getX() + "\",\"y\":\"" + k1.getY() + "\"}]}")).isInstanceOf(ParseException.class).hasMessageContaining("k1");
        }
    }
}
