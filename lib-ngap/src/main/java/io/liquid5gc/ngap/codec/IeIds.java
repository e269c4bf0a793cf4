package io.liquid5gc.ngap.codec;

/**
 * TS 38.413 9.4.7 ProtocolIE-ID values (R17.9) used by the typed messages and transfers. {@link #isDefined(int)}
 * tells whether R17.9 defines an id at all (0..366 except 113, 308, 320-322 and 330).
 */
public final class IeIds {
    private IeIds() {
    }

    public static final int ALLOWED_NSSAI = 0;
    public static final int AMF_NAME = 1;
    public static final int AMF_OVERLOAD_RESPONSE = 2;
    public static final int AMF_SET_ID = 3;
    public static final int AMF_TRAFFIC_LOAD_REDUCTION_INDICATION = 9;
    public static final int AMF_UE_NGAP_ID = 10;
    public static final int CAUSE = 15;
    public static final int CRITICALITY_DIAGNOSTICS = 19;
    public static final int DEFAULT_PAGING_DRX = 21;
    public static final int DIRECT_FORWARDING_PATH_AVAILABILITY = 22;
    public static final int FIVEG_S_TMSI = 26;
    public static final int GLOBAL_RAN_NODE_ID = 27;
    public static final int GUAMI = 28;
    public static final int HANDOVER_TYPE = 29;
    public static final int INDEX_TO_RFSP = 31;
    public static final int MASKED_IMEISV = 34;
    public static final int NAS_PDU = 38;
    public static final int NEW_AMF_UE_NGAP_ID = 40;
    public static final int NGAP_MESSAGE = 42;
    public static final int OLD_AMF = 48;
    public static final int PAGING_DRX = 50;
    public static final int PAGING_PRIORITY = 52;
    public static final int PDU_SESSION_RESOURCE_ADMITTED_LIST = 53;
    public static final int PDU_SESSION_RESOURCE_FAILED_TO_MODIFY_LIST_MOD_RES = 54;
    public static final int PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_CXT_RES = 55;
    public static final int PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_HO_ACK = 56;
    public static final int PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_PS_REQ = 57;
    public static final int PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_SU_RES = 58;
    public static final int PDU_SESSION_RESOURCE_HANDOVER_LIST = 59;
    public static final int PDU_SESSION_RESOURCE_LIST_CXT_REL_CPL = 60;
    public static final int PDU_SESSION_RESOURCE_LIST_HO_RQD = 61;
    public static final int PDU_SESSION_RESOURCE_MODIFY_LIST_MOD_REQ = 64;
    public static final int PDU_SESSION_RESOURCE_MODIFY_LIST_MOD_RES = 65;
    public static final int PDU_SESSION_RESOURCE_NOTIFY_LIST = 66;
    public static final int PDU_SESSION_RESOURCE_RELEASED_LIST_NOT = 67;
    public static final int PDU_SESSION_RESOURCE_RELEASED_LIST_PS_ACK = 68;
    public static final int PDU_SESSION_RESOURCE_RELEASED_LIST_PS_FAIL = 69;
    public static final int PDU_SESSION_RESOURCE_RELEASED_LIST_REL_RES = 70;
    public static final int PDU_SESSION_RESOURCE_SETUP_LIST_CXT_REQ = 71;
    public static final int PDU_SESSION_RESOURCE_SETUP_LIST_CXT_RES = 72;
    public static final int PDU_SESSION_RESOURCE_SETUP_LIST_HO_REQ = 73;
    public static final int PDU_SESSION_RESOURCE_SETUP_LIST_SU_REQ = 74;
    public static final int PDU_SESSION_RESOURCE_SETUP_LIST_SU_RES = 75;
    public static final int PDU_SESSION_RESOURCE_TO_BE_SWITCHED_DL_LIST = 76;
    public static final int PDU_SESSION_RESOURCE_SWITCHED_LIST = 77;
    public static final int PDU_SESSION_RESOURCE_TO_RELEASE_LIST_HO_CMD = 78;
    public static final int PDU_SESSION_RESOURCE_TO_RELEASE_LIST_REL_CMD = 79;
    public static final int PLMN_SUPPORT_LIST = 80;
    public static final int RAN_NODE_NAME = 82;
    public static final int RAN_PAGING_PRIORITY = 83;
    public static final int RAN_STATUS_TRANSFER_TRANSPARENT_CONTAINER = 84;
    public static final int RAN_UE_NGAP_ID = 85;
    public static final int RELATIVE_AMF_CAPACITY = 86;
    public static final int RESET_TYPE = 88;
    public static final int RRC_ESTABLISHMENT_CAUSE = 90;
    public static final int RRC_STATE = 92;
    public static final int SECURITY_CONTEXT = 93;
    public static final int SECURITY_KEY = 94;
    public static final int SERVED_GUAMI_LIST = 96;
    public static final int SOURCE_AMF_UE_NGAP_ID = 100;
    public static final int SOURCE_TO_TARGET_TRANSPARENT_CONTAINER = 101;
    public static final int SUPPORTED_TA_LIST = 102;
    public static final int TAI_LIST_FOR_PAGING = 103;
    public static final int TARGET_ID = 105;
    public static final int TARGET_TO_SOURCE_TRANSPARENT_CONTAINER = 106;
    public static final int TIME_TO_WAIT = 107;
    public static final int UE_AGGREGATE_MAXIMUM_BIT_RATE = 110;
    public static final int UE_ASSOCIATED_LOGICAL_NG_CONNECTION_LIST = 111;
    public static final int UE_CONTEXT_REQUEST = 112;
    public static final int UE_NGAP_IDS = 114;
    public static final int UE_PAGING_IDENTITY = 115;
    public static final int UE_RADIO_CAPABILITY = 117;
    public static final int UE_RADIO_CAPABILITY_FOR_PAGING = 118;
    public static final int UE_SECURITY_CAPABILITIES = 119;
    public static final int UNAVAILABLE_GUAMI_LIST = 120;
    public static final int USER_LOCATION_INFORMATION = 121;
    public static final int DATA_FORWARDING_NOT_POSSIBLE = 127;
    public static final int NETWORK_INSTANCE = 129;
    public static final int PDU_SESSION_AGGREGATE_MAXIMUM_BIT_RATE = 130;
    public static final int PDU_SESSION_RESOURCE_FAILED_TO_SETUP_LIST_CXT_FAIL = 132;
    public static final int PDU_SESSION_RESOURCE_LIST_CXT_REL_REQ = 133;
    public static final int PDU_SESSION_TYPE = 134;
    public static final int QOS_FLOW_ADD_OR_MODIFY_REQUEST_LIST = 135;
    public static final int QOS_FLOW_SETUP_REQUEST_LIST = 136;
    public static final int QOS_FLOW_TO_RELEASE_LIST = 137;
    public static final int SECURITY_INDICATION = 138;
    public static final int UL_NGU_UP_TNL_INFORMATION = 139;
    public static final int UL_NGU_UP_TNL_MODIFY_LIST = 140;

    /** The highest ProtocolIE-ID defined by R17.9. */
    public static final int MAX_DEFINED = 366;

    /** Whether TS 38.413 R17.9 defines this ProtocolIE-ID. */
    public static boolean isDefined(int id) {
        return id >= 0 && id <= MAX_DEFINED && id != 113 && id != 308 && (id < 320 || id > 322) && id != 330;
    }
}
