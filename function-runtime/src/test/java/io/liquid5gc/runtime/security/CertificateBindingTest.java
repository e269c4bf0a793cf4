package io.liquid5gc.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.udr.UdrApi;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With mTLS the token's subject must be the NF instance the client certificate names (TS 33.501 13.3.1, TS 33.310 6.1.3c). */
class CertificateBindingTest {

    @TempDir
    Path dir;

    @Test
    void whenTheTokenSubjectIsTheCertificatesInstance_thenAccepted_andAnotherInstancesCertificateOrNoneIsRefused() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        X509Certificate udm = certs.issue("udm", "udm-instance-7");
        X509Certificate other = certs.issue("other", "0c1d2e3f-0000-4000-8000-000000000001");
        assertThat(NfCertificates.instanceIdOf(udm)).hasValue("udm-instance-7");

        com.nimbusds.jose.jwk.ECKey key = AccessTokenVerifierTest.generate("k1");
        AccessTokenVerifier verifier = new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())),
                AccessTokenVerifierTest.ISSUER, "udr-1", Duration.ofSeconds(30), Clock.fixed(AccessTokenVerifierTest.NOW, ZoneOffset.UTC));
        String token = "Bearer " + AccessTokenVerifierTest.sign(key, AccessTokenVerifierTest.udmClaims().build());
        CallerAuthentication mtls = CallerAuthentication.of(verifier, true);

        assertThat(mtls.authenticate(token, udm, UdrApi.DATA_READ).type()).isEqualTo(ConsumerType.UDM);
        assertThatThrownBy(() -> mtls.authenticate(token, other, UdrApi.DATA_READ))
                .isInstanceOfSatisfying(AccessTokenVerifier.Rejected.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.problem().detail()).contains("udm-instance-7").contains("0c1d2e3f-0000-4000-8000-000000000001");
                });
        assertThatThrownBy(() -> mtls.authenticate(token, null, UdrApi.DATA_READ)).isInstanceOf(AccessTokenVerifier.Rejected.class);
        // without mTLS the certificate is not asked for
        assertThat(CallerAuthentication.of(verifier, false).authenticate(token, null, UdrApi.DATA_READ).nfInstanceId()).isEqualTo("udm-instance-7");
    }
}
