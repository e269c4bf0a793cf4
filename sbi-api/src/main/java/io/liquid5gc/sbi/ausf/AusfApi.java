package io.liquid5gc.sbi.ausf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The AUSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class AusfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String AUTHENTICATE = "ausf-authenticate";

        private Names() {
        }
    }

    /**
     * Nausf_UEAuthentication Authenticate and 5G AKA confirmation (TS 29.509 5.2.2.2, TS 33.501 6.1.3.2). Not
     * idempotent: authentication consumes an SQN, confirmation consumes the context.
     */
    public static final FunctionSpec<AusfAuthenticateRequest, AusfAuthenticateResponse> AUTHENTICATE =
            new FunctionSpec<>(Names.AUTHENTICATE, NfType.AUSF, AusfAuthenticateRequest.class, AusfAuthenticateResponse.class, false);

    private AusfApi() {
    }
}
