package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.security.Caller;

/**
 * How the function endpoint learns who calls: by the access token ({@link AccessTokenVerifier}), or, with
 * security off or on a trusted loopback-only endpoint, not at all ({@link #NONE}).
 */
@FunctionalInterface
public interface CallerAuthentication {

    CallerAuthentication NONE = (authorization, peer, function) -> Caller.SECURITY_OFF;

    /**
     * @param authorization the {@code Authorization} header, null when absent
     * @param peer          the client's TLS certificate (mTLS), null when none
     * @throws AccessTokenVerifier.Rejected when the call does not prove a caller
     */
    Caller authenticate(String authorization, java.security.cert.X509Certificate peer, FunctionSpec<?, ?> function);

    /** Token only; with {@code requireCertificate} the token's subject must be the instance the certificate names. */
    static CallerAuthentication of(AccessTokenVerifier verifier, boolean requireCertificate) {
        return (authorization, peer, function) -> {
            Caller caller = verifier.verify(authorization, function);
            if (requireCertificate) {
                String certified = NfCertificates.instanceIdOf(peer).orElse(null);
                if (certified == null || !certified.equals(caller.nfInstanceId())) {
                    throw verifier.notCertified(function, caller.nfInstanceId(), certified);
                }
            }
            return caller;
        };
    }
}
