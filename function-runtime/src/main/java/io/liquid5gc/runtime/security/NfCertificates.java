package io.liquid5gc.runtime.security;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The NF instance a certificate names: its URI SAN {@code urn:uuid:<nfInstanceId>} (TS 33.310 6.1.3c). */
public final class NfCertificates {

    private static final int SAN_URI = 6;
    private static final String URN_UUID = "urn:uuid:";

    private NfCertificates() {
    }

    public static Optional<String> instanceIdOf(X509Certificate certificate) {
        if (certificate == null) {
            return Optional.empty();
        }
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return Optional.empty();
            }
            for (List<?> name : names) {
                if (name.size() == 2 && Integer.valueOf(SAN_URI).equals(name.get(0)) && name.get(1) instanceof String uri
                        && uri.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length())) {
                    return Optional.of(uri.substring(URN_UUID.length()));
                }
            }
            return Optional.empty();
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
    }
}
