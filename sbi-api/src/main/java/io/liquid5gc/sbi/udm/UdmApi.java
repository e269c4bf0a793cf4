package io.liquid5gc.sbi.udm;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The UDM's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class UdmApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String GENERATE_AUTH_DATA = "udm-generate-auth-data";
        public static final String GET_SUBSCRIBER_DATA = "udm-get-subscriber-data";

        private Names() {
        }
    }

    /**
     * Nudm_UEAU Get (TS 29.503 5.4.2.2): SUCI deconcealment, a fresh 5G HE AV with the next SQN, resynchronisation
     * from AUTS. Not idempotent: every call consumes an SQN.
     */
    public static final FunctionSpec<GenerateAuthDataRequest, AuthenticationInfoResult> GENERATE_AUTH_DATA =
            new FunctionSpec<>(Names.GENERATE_AUTH_DATA, NfType.UDM, GenerateAuthDataRequest.class, AuthenticationInfoResult.class, false);

    /** Nudm_SDM Get (TS 29.503 5.2.2.2): am-data, smf-select-data and sm-data of a SUPI. */
    public static final FunctionSpec<SubscriberDataRequest, SubscriptionDataSets> GET_SUBSCRIBER_DATA =
            new FunctionSpec<>(Names.GET_SUBSCRIBER_DATA, NfType.UDM, SubscriberDataRequest.class, SubscriptionDataSets.class, true);

    private UdmApi() {
    }
}
