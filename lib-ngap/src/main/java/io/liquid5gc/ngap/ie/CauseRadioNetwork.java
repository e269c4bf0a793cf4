package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.2 radio network layer causes (ASN.1 CauseRadioNetwork, R17.9). */
public enum CauseRadioNetwork implements Cause {
    UNSPECIFIED("unspecified"),
    TXNRELOCOVERALL_EXPIRY("txnrelocoverall-expiry"),
    SUCCESSFUL_HANDOVER("successful-handover"),
    RELEASE_DUE_TO_NGRAN_GENERATED_REASON("release-due-to-ngran-generated-reason"),
    RELEASE_DUE_TO_5GC_GENERATED_REASON("release-due-to-5gc-generated-reason"),
    HANDOVER_CANCELLED("handover-cancelled"),
    PARTIAL_HANDOVER("partial-handover"),
    HO_FAILURE_IN_TARGET_5GC_NGRAN_NODE_OR_TARGET_SYSTEM("ho-failure-in-target-5GC-ngran-node-or-target-system"),
    HO_TARGET_NOT_ALLOWED("ho-target-not-allowed"),
    TNGRELOCOVERALL_EXPIRY("tngrelocoverall-expiry"),
    TNGRELOCPREP_EXPIRY("tngrelocprep-expiry"),
    CELL_NOT_AVAILABLE("cell-not-available"),
    UNKNOWN_TARGET_ID("unknown-targetID"),
    NO_RADIO_RESOURCES_AVAILABLE_IN_TARGET_CELL("no-radio-resources-available-in-target-cell"),
    UNKNOWN_LOCAL_UE_NGAP_ID("unknown-local-UE-NGAP-ID"),
    INCONSISTENT_REMOTE_UE_NGAP_ID("inconsistent-remote-UE-NGAP-ID"),
    HANDOVER_DESIRABLE_FOR_RADIO_REASON("handover-desirable-for-radio-reason"),
    TIME_CRITICAL_HANDOVER("time-critical-handover"),
    RESOURCE_OPTIMISATION_HANDOVER("resource-optimisation-handover"),
    REDUCE_LOAD_IN_SERVING_CELL("reduce-load-in-serving-cell"),
    USER_INACTIVITY("user-inactivity"),
    RADIO_CONNECTION_WITH_UE_LOST("radio-connection-with-ue-lost"),
    RADIO_RESOURCES_NOT_AVAILABLE("radio-resources-not-available"),
    INVALID_QOS_COMBINATION("invalid-qos-combination"),
    FAILURE_IN_RADIO_INTERFACE_PROCEDURE("failure-in-radio-interface-procedure"),
    INTERACTION_WITH_OTHER_PROCEDURE("interaction-with-other-procedure"),
    UNKNOWN_PDU_SESSION_ID("unknown-PDU-session-ID"),
    UNKNOWN_QOS_FLOW_ID("unkown-qos-flow-ID"),
    MULTIPLE_PDU_SESSION_ID_INSTANCES("multiple-PDU-session-ID-instances"),
    MULTIPLE_QOS_FLOW_ID_INSTANCES("multiple-qos-flow-ID-instances"),
    ENCRYPTION_AND_OR_INTEGRITY_PROTECTION_ALGORITHMS_NOT_SUPPORTED("encryption-and-or-integrity-protection-algorithms-not-supported"),
    NG_INTRA_SYSTEM_HANDOVER_TRIGGERED("ng-intra-system-handover-triggered"),
    NG_INTER_SYSTEM_HANDOVER_TRIGGERED("ng-inter-system-handover-triggered"),
    XN_HANDOVER_TRIGGERED("xn-handover-triggered"),
    NOT_SUPPORTED_5QI_VALUE("not-supported-5QI-value"),
    UE_CONTEXT_TRANSFER("ue-context-transfer"),
    IMS_VOICE_EPS_FALLBACK_OR_RAT_FALLBACK_TRIGGERED("ims-voice-eps-fallback-or-rat-fallback-triggered"),
    UP_INTEGRITY_PROTECTION_NOT_POSSIBLE("up-integrity-protection-not-possible"),
    UP_CONFIDENTIALITY_PROTECTION_NOT_POSSIBLE("up-confidentiality-protection-not-possible"),
    SLICE_NOT_SUPPORTED("slice-not-supported"),
    UE_IN_RRC_INACTIVE_STATE_NOT_REACHABLE("ue-in-rrc-inactive-state-not-reachable"),
    REDIRECTION("redirection"),
    RESOURCES_NOT_AVAILABLE_FOR_THE_SLICE("resources-not-available-for-the-slice"),
    UE_MAX_INTEGRITY_PROTECTED_DATA_RATE_REASON("ue-max-integrity-protected-data-rate-reason"),
    RELEASE_DUE_TO_CN_DETECTED_MOBILITY("release-due-to-cn-detected-mobility"),
    N26_INTERFACE_NOT_AVAILABLE("n26-interface-not-available"),
    RELEASE_DUE_TO_PRE_EMPTION("release-due-to-pre-emption"),
    MULTIPLE_LOCATION_REPORTING_REFERENCE_ID_INSTANCES("multiple-location-reporting-reference-ID-instances"),
    RSN_NOT_AVAILABLE_FOR_THE_UP("rsn-not-available-for-the-up"),
    NPN_ACCESS_DENIED("npn-access-denied"),
    CAG_ONLY_ACCESS_DENIED("cag-only-access-denied"),
    INSUFFICIENT_UE_CAPABILITIES("insufficient-ue-capabilities"),
    REDCAP_UE_NOT_SUPPORTED("redcap-ue-not-supported"),
    UNKNOWN_MBS_SESSION_ID("unknown-MBS-Session-ID"),
    INDICATED_MBS_SESSION_AREA_INFORMATION_NOT_SERVED_BY_THE_GNB("indicated-MBS-session-area-information-not-served-by-the-gNB"),
    INCONSISTENT_SLICE_INFO_FOR_THE_SESSION("inconsistent-slice-info-for-the-session"),
    MISALIGNED_ASSOCIATION_FOR_MULTICAST_UNICAST("misaligned-association-for-multicast-unicast");

    /** Number of values in the extension root; later ones are extension values. */
    public static final int ROOT_COUNT = 45;
    private static final CauseRadioNetwork[] BY_INDEX = values();

    private final String asn1Name;

    CauseRadioNetwork(String asn1Name) {
        this.asn1Name = asn1Name;
    }

    @Override
    public Group group() {
        return Group.RADIO_NETWORK;
    }

    @Override
    public int index() {
        return ordinal();
    }

    public String asn1Name() {
        return asn1Name;
    }

    /** null when the index is not named in this release. */
    public static CauseRadioNetwork fromIndex(int index) {
        return index >= 0 && index < BY_INDEX.length ? BY_INDEX[index] : null;
    }
}
