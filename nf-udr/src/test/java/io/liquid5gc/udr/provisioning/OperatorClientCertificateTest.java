package io.liquid5gc.udr.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.security.TestCertificates;
import io.liquid5gc.udr.UdrApplication;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator API of a UDR served over TLS that asks for client certificates (server.ssl.client-auth=want): a
 * certificate of the trusted CA whose subject is listed in liquid5gc.operator.client-certificate-subjects is the
 * operator, without a token; another subject, or none, needs the token; the subject is audited, never a secret.
 */
class OperatorClientCertificateTest {

    private static TestCertificates certs;
    private static ConfigurableApplicationContext udr;
    private static String url;

    @BeforeAll
    static void startUdr() throws Exception {
        certs = new TestCertificates(Path.of("target", "operator-certs-" + System.nanoTime()));
        certs.issue("udr", "00000000-0000-4000-8000-000000000005");
        certs.issue("operator-1", "00000000-0000-4000-8000-0000000000a1");
        certs.issue("intruder", "00000000-0000-4000-8000-0000000000a2");
        List<String> props = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "server.ssl.bundle=operator", "server.ssl.client-auth=want",
                "liquid5gc.store.memory.journal=none", "liquid5gc.provisioning.default-subscribers=classpath:test-subscribers.yaml",
                "liquid5gc.operator.token=operator-token", "liquid5gc.operator.client-certificate-subjects=CN=operator-1",
                "liquid5gc.udr.key-encryption.generated-file=target/operator-cert-test/kek-" + java.util.UUID.randomUUID()));
        props.addAll(certs.bundleProperties("operator", "udr"));
        udr = new SpringApplicationBuilder(UdrApplication.class).properties(props.toArray(String[]::new)).run();
        url = "https://localhost:" + udr.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopUdr() {
        if (udr != null) {
            udr.close();
        }
    }

    /** A TLS client trusting the test CA, presenting {@code name}'s certificate (null: none). */
    private static HttpClient client(String name) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (FileInputStream in = new FileInputStream(certs.dir().resolve("ca.pem").toFile())) {
            trust.setCertificateEntry("ca", cf.generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (name != null) {
            Certificate cert;
            try (FileInputStream in = new FileInputStream(certs.dir().resolve(name + ".crt").toFile())) {
                cert = cf.generateCertificate(in);
            }
            PrivateKey key = org.springframework.boot.ssl.pem.PemContent.load(certs.dir().resolve(name + ".key")).getPrivateKey();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("me", key, new char[0], new Certificate[] {cert});
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    private static HttpResponse<String> list(String certificate, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/provisioning/subscribers?limit=5")).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client(certificate).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whenTheClientCertificateSubjectIsListed_thenTheOperatorApiAnswersWithoutAToken() throws Exception {
        HttpResponse<String> r = list("operator-1", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"subscribers\"").doesNotContain("465B5CE8B199B49FAA5F0A2EE238A6BC");
    }

    @Test
    void whenTheClientCertificateSubjectIsNotListed_thenItIs401UnlessTheTokenIsGiven() throws Exception {
        HttpResponse<String> refused = list("intruder", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(list("intruder", "operator-token").statusCode()).isEqualTo(200);
    }

    @Test
    void whenNoCertificateAndNoToken_thenItIs401AndWithTheTokenItAnswers() throws Exception {
        assertThat(list(null, null).statusCode()).isEqualTo(401);
        assertThat(list(null, "wrong").statusCode()).isEqualTo(401);
        assertThat(list(null, "operator-token").statusCode()).isEqualTo(200);
    }
}
