package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.SbiResource;

/**
 * How an endpoint learns who calls: by the access token ({@link AccessTokenVerifier}), or, with security off or on a
 * trusted loopback-only endpoint, not at all ({@link #NONE}). For a function of the contract, or for an
 * {@link SbiResource} served outside it (N1N2MessageTransfer).
 */
public interface CallerAuthentication {

    CallerAuthentication NONE = new CallerAuthentication() {
        @Override
        public Caller authenticate(String authorization, java.security.cert.X509Certificate peer, FunctionSpec<?, ?> function) {
            return Caller.SECURITY_OFF;
        }

        @Override
        public Caller authenticate(String authorization, java.security.cert.X509Certificate peer, SbiResource resource) {
            return Caller.SECURITY_OFF;
        }
    };

    /**
     * @param authorization the {@code Authorization} header, null when absent
     * @param peer          the client's TLS certificate (mTLS), null when none
     * @throws AccessTokenVerifier.Rejected when the call does not prove a caller
     */
    Caller authenticate(String authorization, java.security.cert.X509Certificate peer, FunctionSpec<?, ?> function);

    /** The same for a resource outside the function contract; the consumer type is still the caller's to check. */
    Caller authenticate(String authorization, java.security.cert.X509Certificate peer, SbiResource resource);

    /** Token only; with {@code requireCertificate} the token's subject must be the instance the certificate names. */
    static CallerAuthentication of(AccessTokenVerifier verifier, boolean requireCertificate) {
        return new CallerAuthentication() {
            @Override
            public Caller authenticate(String authorization, java.security.cert.X509Certificate peer, FunctionSpec<?, ?> function) {
                return certified(verifier.verify(authorization, function), peer, function.name());
            }

            @Override
            public Caller authenticate(String authorization, java.security.cert.X509Certificate peer, SbiResource resource) {
                return certified(verifier.verify(authorization, resource), peer, resource.operation());
            }

            private Caller certified(Caller caller, java.security.cert.X509Certificate peer, String what) {
                if (requireCertificate) {
                    String certified = NfCertificates.instanceIdOf(peer).orElse(null);
                    if (certified == null || !certified.equals(caller.nfInstanceId())) {
                        throw verifier.notCertified(what, caller.nfInstanceId(), certified);
                    }
                }
                return caller;
            }
        };
    }
}
