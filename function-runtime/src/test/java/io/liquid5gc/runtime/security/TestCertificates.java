package io.liquid5gc.runtime.security;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test CA and NF certificates made at test time with Bouncy Castle (no private key is committed): each NF
 * certificate names its NF instance as the URI SAN {@code urn:uuid:<id>} (TS 33.310 6.1.3c) and 127.0.0.1 /
 * localhost, for the loopback tests. {@link #bundleProperties} gives the Spring Boot PEM SSL bundle settings.
 */
public final class TestCertificates {

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private long serial = 2;

    public TestCertificates(Path dir) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.caKeys = ecKeys();
        X500Name name = new X500Name("CN=Liquid5GC test SBI CA");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86_400)), name, caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.ca = sign(b);
        write("ca.pem", ca);
    }

    /** An NF certificate and key for {@code nfInstanceId}, written as {@code <name>.crt} / {@code <name>.key}. */
    public synchronized X509Certificate issue(String name, String nfInstanceId) throws Exception {
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=Liquid5GC test SBI CA"),
                BigInteger.valueOf(serial++), Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86_400)),
                new X500Name("CN=" + name), keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.uniformResourceIdentifier, "urn:uuid:" + nfInstanceId),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")}));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        X509Certificate cert = sign(b);
        write(name + ".crt", cert);
        write(name + ".key", keys.getPrivate());
        return cert;
    }

    /** The properties of a PEM SSL bundle with this NF's certificate and key trusting the test CA. */
    public List<String> bundleProperties(String bundle, String name) {
        String p = "spring.ssl.bundle.pem." + bundle + ".";
        return List.of(p + "keystore.certificate=file:" + dir.resolve(name + ".crt"),
                p + "keystore.private-key=file:" + dir.resolve(name + ".key"),
                p + "truststore.certificate=file:" + dir.resolve("ca.pem"));
    }

    public Path dir() {
        return dir;
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder b) throws Exception {
        X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private void write(String file, Object pem) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(pem instanceof java.security.PrivateKey k
                    ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(k, null).generate() : pem);
        }
        Files.writeString(dir.resolve(file), out.toString());
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return g.generateKeyPair();
    }
}
