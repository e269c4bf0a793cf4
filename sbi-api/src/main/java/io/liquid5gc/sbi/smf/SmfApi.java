package io.liquid5gc.sbi.smf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The SMF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class SmfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String PDU_SESSION_CREATE = "smf-pdu-session-create";
        public static final String PDU_SESSION_UPDATE = "smf-pdu-session-update";
        public static final String PDU_SESSION_RELEASE = "smf-pdu-session-release";
        public static final String N4_SESSION_SETUP = "smf-n4-session-setup";

        private Names() {
        }
    }

    /** Nsmf_PDUSession_CreateSMContext (TS 29.502 5.2.2.2, TS 23.502 4.3.2.2.1). */
    public static final FunctionSpec<PduSessionCreateRequest, PduSessionCreateResponse> PDU_SESSION_CREATE =
            new FunctionSpec<>(Names.PDU_SESSION_CREATE, NfType.SMF, PduSessionCreateRequest.class, PduSessionCreateResponse.class, false);

    /** Nsmf_PDUSession_UpdateSMContext (TS 29.502 5.2.2.3). */
    public static final FunctionSpec<PduSessionUpdateRequest, PduSessionUpdateResponse> PDU_SESSION_UPDATE =
            new FunctionSpec<>(Names.PDU_SESSION_UPDATE, NfType.SMF, PduSessionUpdateRequest.class, PduSessionUpdateResponse.class, false);

    /** Nsmf_PDUSession_ReleaseSMContext (TS 29.502 5.2.2.4, TS 23.502 4.3.4). */
    public static final FunctionSpec<PduSessionReleaseRequest, PduSessionReleaseResponse> PDU_SESSION_RELEASE =
            new FunctionSpec<>(Names.PDU_SESSION_RELEASE, NfType.SMF, PduSessionReleaseRequest.class, PduSessionReleaseResponse.class, false);

    /** N4 session establishment (TS 29.244 7.5.2), built and stored for the configured UPF. */
    public static final FunctionSpec<N4SessionSetupRequest, N4Session> N4_SESSION_SETUP =
            new FunctionSpec<>(Names.N4_SESSION_SETUP, NfType.SMF, N4SessionSetupRequest.class, N4Session.class, true);

    private SmfApi() {
    }
}
