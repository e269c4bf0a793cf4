package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.security.Caller;

/**
 * How the function endpoint learns who calls: by the access token ({@link AccessTokenVerifier}), or, with
 * security off or on a trusted loopback-only endpoint, not at all ({@link #NONE}).
 */
@FunctionalInterface
public interface CallerAuthentication {

    CallerAuthentication NONE = (authorization, function) -> Caller.SECURITY_OFF;

    /**
     * @param authorization the {@code Authorization} header, null when absent
     * @throws AccessTokenVerifier.Rejected when the call does not prove a caller
     */
    Caller authenticate(String authorization, FunctionSpec<?, ?> function);

    static CallerAuthentication of(AccessTokenVerifier verifier) {
        return verifier::verify;
    }
}
