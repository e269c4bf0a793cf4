package io.liquid5gc.nrf.oauth2;

import io.liquid5gc.runtime.security.AccessTokenRefused;
import io.liquid5gc.sbi.security.ConsumerType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The NF instances that may ask the NRF for tokens, and their client secrets (TS 33.501 13.3.1: without mTLS the NF
 * authenticates to the NRF with a client secret per instance, RFC 6749 2.3.1). Secrets are compared by Spring
 * Security's delegating password encoder, so they can be kept hashed ({@code {bcrypt}}, {@code {pbkdf2}}).
 */
final class ClientRegistry {

    private final Map<String, OAuth2Properties.Client> clients = new LinkedHashMap<>();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    ClientRegistry(OAuth2Properties properties) {
        for (OAuth2Properties.Client c : properties.clients()) {
            if (c.nfInstanceId() == null || c.nfTypes().isEmpty()) {
                throw new IllegalArgumentException("liquid5gc.nrf.oauth2.clients: every client needs nf-instance-id and nf-types "
                        + "(and a secret unless it authenticates with its certificate)");
            }
            if (c.secret() != null && !c.secret().startsWith("{")) {
                throw new IllegalArgumentException("liquid5gc.nrf.oauth2.clients " + c.nfInstanceId()
                        + ": the secret must name its encoding ({bcrypt}..., {pbkdf2}..., or {noop}... for a plain one)");
            }
            if (clients.put(c.nfInstanceId(), c) != null) {
                throw new IllegalArgumentException("liquid5gc.nrf.oauth2.clients: " + c.nfInstanceId() + " twice");
            }
        }
    }

    /**
     * Checks the client's secret and that it asks as itself and as an NF type it holds.
     *
     * @throws AccessTokenRefused 401 invalid_client, 400 unauthorized_client
     */
    void authenticate(String clientId, String secret, String nfInstanceId, ConsumerType nfType) {
        OAuth2Properties.Client c = clientId == null ? null : clients.get(clientId);
        if (c == null || secret == null || c.secret() == null || !encoder.matches(secret, c.secret())) {
            throw AccessTokenRefused.of(401, "invalid_client", "unknown client or wrong secret");
        }
        authorize(c, nfInstanceId, nfType);
    }

    /** With mTLS: the client is the instance its certificate names (a CA the NRF trusts issued it). */
    void authenticateCertified(String certifiedInstance, String nfInstanceId, ConsumerType nfType) {
        OAuth2Properties.Client c = clients.get(certifiedInstance);
        if (c == null) {
            throw AccessTokenRefused.of(401, "invalid_client", "the certificate's NF instance " + certifiedInstance + " is not a client");
        }
        authorize(c, nfInstanceId, nfType);
    }

    private static void authorize(OAuth2Properties.Client c, String nfInstanceId, ConsumerType nfType) {
        String clientId = c.nfInstanceId();
        if (!clientId.equals(nfInstanceId)) {
            throw AccessTokenRefused.of(400, "unauthorized_client", "client " + clientId + " may ask tokens only for itself, not " + nfInstanceId);
        }
        if (nfType == null || !c.nfTypes().contains(nfType)) {
            throw AccessTokenRefused.of(400, "unauthorized_client", "client " + clientId + " is registered as " + c.nfTypes()
                    + ", not " + nfType);
        }
    }

    int size() {
        return clients.size();
    }
}
