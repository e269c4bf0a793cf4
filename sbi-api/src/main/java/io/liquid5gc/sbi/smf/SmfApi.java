package io.liquid5gc.sbi.smf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The SMF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class SmfApi {

    /** Nsmf_PDUSession_CreateSMContext (TS 29.502 5.2.2.2, TS 23.502 4.3.2.2.1). */
    public static final FunctionSpec<PduSessionCreateRequest, PduSessionCreateResponse> PDU_SESSION_CREATE =
            new FunctionSpec<>("smf-pdu-session-create", NfType.SMF, PduSessionCreateRequest.class, PduSessionCreateResponse.class, false);

    /** Nsmf_PDUSession_UpdateSMContext (TS 29.502 5.2.2.3). */
    public static final FunctionSpec<PduSessionUpdateRequest, PduSessionUpdateResponse> PDU_SESSION_UPDATE =
            new FunctionSpec<>("smf-pdu-session-update", NfType.SMF, PduSessionUpdateRequest.class, PduSessionUpdateResponse.class, false);

    /** Nsmf_PDUSession_ReleaseSMContext (TS 29.502 5.2.2.4, TS 23.502 4.3.4). */
    public static final FunctionSpec<PduSessionReleaseRequest, PduSessionReleaseResponse> PDU_SESSION_RELEASE =
            new FunctionSpec<>("smf-pdu-session-release", NfType.SMF, PduSessionReleaseRequest.class, PduSessionReleaseResponse.class, false);

    /** N4 session establishment (TS 29.244 7.5.2), built and stored for the configured UPF. */
    public static final FunctionSpec<N4SessionSetupRequest, N4Session> N4_SESSION_SETUP =
            new FunctionSpec<>("smf-n4-session-setup", NfType.SMF, N4SessionSetupRequest.class, N4Session.class, true);

    private SmfApi() {
    }
}
