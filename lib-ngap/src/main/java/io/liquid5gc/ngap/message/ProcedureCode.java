package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Criticality;

/**
 * TS 38.413 9.4.7 elementary procedure codes (R17.9) with the criticality the procedure's messages carry
 * (TS 38.413 9.4.3 / NGAP-ELEMENTARY-PROCEDURE definitions).
 */
public enum ProcedureCode {
    AMF_CONFIGURATION_UPDATE(0, Criticality.REJECT),
    AMF_STATUS_INDICATION(1, Criticality.IGNORE),
    CELL_TRAFFIC_TRACE(2, Criticality.IGNORE),
    DEACTIVATE_TRACE(3, Criticality.IGNORE),
    DOWNLINK_NAS_TRANSPORT(4, Criticality.IGNORE),
    DOWNLINK_NON_UE_ASSOCIATED_NRPPA_TRANSPORT(5, Criticality.IGNORE),
    DOWNLINK_RAN_CONFIGURATION_TRANSFER(6, Criticality.IGNORE),
    DOWNLINK_RAN_STATUS_TRANSFER(7, Criticality.IGNORE),
    DOWNLINK_UE_ASSOCIATED_NRPPA_TRANSPORT(8, Criticality.IGNORE),
    ERROR_INDICATION(9, Criticality.IGNORE),
    HANDOVER_CANCEL(10, Criticality.REJECT),
    HANDOVER_NOTIFICATION(11, Criticality.IGNORE),
    HANDOVER_PREPARATION(12, Criticality.REJECT),
    HANDOVER_RESOURCE_ALLOCATION(13, Criticality.REJECT),
    INITIAL_CONTEXT_SETUP(14, Criticality.REJECT),
    INITIAL_UE_MESSAGE(15, Criticality.IGNORE),
    LOCATION_REPORTING_CONTROL(16, Criticality.IGNORE),
    LOCATION_REPORTING_FAILURE_INDICATION(17, Criticality.IGNORE),
    LOCATION_REPORT(18, Criticality.IGNORE),
    NAS_NON_DELIVERY_INDICATION(19, Criticality.IGNORE),
    NG_RESET(20, Criticality.REJECT),
    NG_SETUP(21, Criticality.REJECT),
    OVERLOAD_START(22, Criticality.IGNORE),
    OVERLOAD_STOP(23, Criticality.REJECT),
    PAGING(24, Criticality.IGNORE),
    PATH_SWITCH_REQUEST(25, Criticality.REJECT),
    PDU_SESSION_RESOURCE_MODIFY(26, Criticality.REJECT),
    PDU_SESSION_RESOURCE_MODIFY_INDICATION(27, Criticality.REJECT),
    PDU_SESSION_RESOURCE_RELEASE(28, Criticality.REJECT),
    PDU_SESSION_RESOURCE_SETUP(29, Criticality.REJECT),
    PDU_SESSION_RESOURCE_NOTIFY(30, Criticality.IGNORE),
    PRIVATE_MESSAGE(31, Criticality.IGNORE),
    PWS_CANCEL(32, Criticality.REJECT),
    PWS_FAILURE_INDICATION(33, Criticality.IGNORE),
    PWS_RESTART_INDICATION(34, Criticality.IGNORE),
    RAN_CONFIGURATION_UPDATE(35, Criticality.REJECT),
    REROUTE_NAS_REQUEST(36, Criticality.REJECT),
    RRC_INACTIVE_TRANSITION_REPORT(37, Criticality.IGNORE),
    TRACE_FAILURE_INDICATION(38, Criticality.IGNORE),
    TRACE_START(39, Criticality.IGNORE),
    UE_CONTEXT_MODIFICATION(40, Criticality.REJECT),
    UE_CONTEXT_RELEASE(41, Criticality.REJECT),
    UE_CONTEXT_RELEASE_REQUEST(42, Criticality.IGNORE),
    UE_RADIO_CAPABILITY_CHECK(43, Criticality.REJECT),
    UE_RADIO_CAPABILITY_INFO_INDICATION(44, Criticality.IGNORE),
    UE_TNLA_BINDING_RELEASE(45, Criticality.IGNORE),
    UPLINK_NAS_TRANSPORT(46, Criticality.IGNORE),
    UPLINK_NON_UE_ASSOCIATED_NRPPA_TRANSPORT(47, Criticality.IGNORE),
    UPLINK_RAN_CONFIGURATION_TRANSFER(48, Criticality.IGNORE),
    UPLINK_RAN_STATUS_TRANSFER(49, Criticality.IGNORE),
    UPLINK_UE_ASSOCIATED_NRPPA_TRANSPORT(50, Criticality.IGNORE),
    WRITE_REPLACE_WARNING(51, Criticality.REJECT),
    SECONDARY_RAT_DATA_USAGE_REPORT(52, Criticality.IGNORE),
    UPLINK_RIM_INFORMATION_TRANSFER(53, Criticality.IGNORE),
    DOWNLINK_RIM_INFORMATION_TRANSFER(54, Criticality.IGNORE),
    RETRIEVE_UE_INFORMATION(55, Criticality.REJECT),
    UE_INFORMATION_TRANSFER(56, Criticality.REJECT),
    RAN_CP_RELOCATION_INDICATION(57, Criticality.REJECT),
    UE_CONTEXT_RESUME(58, Criticality.REJECT),
    UE_CONTEXT_SUSPEND(59, Criticality.REJECT),
    UE_RADIO_CAPABILITY_ID_MAPPING(60, Criticality.REJECT),
    HANDOVER_SUCCESS(61, Criticality.IGNORE),
    UPLINK_RAN_EARLY_STATUS_TRANSFER(62, Criticality.REJECT),
    DOWNLINK_RAN_EARLY_STATUS_TRANSFER(63, Criticality.IGNORE),
    AMF_CP_RELOCATION_INDICATION(64, Criticality.REJECT),
    CONNECTION_ESTABLISHMENT_INDICATION(65, Criticality.REJECT),
    BROADCAST_SESSION_MODIFICATION(66, Criticality.REJECT),
    BROADCAST_SESSION_RELEASE(67, Criticality.REJECT),
    BROADCAST_SESSION_SETUP(68, Criticality.REJECT),
    DISTRIBUTION_SETUP(69, Criticality.REJECT),
    DISTRIBUTION_RELEASE(70, Criticality.REJECT),
    MULTICAST_SESSION_ACTIVATION(71, Criticality.REJECT),
    MULTICAST_SESSION_DEACTIVATION(72, Criticality.REJECT),
    MULTICAST_SESSION_UPDATE(73, Criticality.REJECT),
    MULTICAST_GROUP_PAGING(74, Criticality.IGNORE),
    BROADCAST_SESSION_RELEASE_REQUIRED(75, Criticality.REJECT);

    private static final ProcedureCode[] BY_CODE = new ProcedureCode[256];

    static {
        for (ProcedureCode p : values()) {
            BY_CODE[p.code] = p;
        }
    }

    private final int code;
    private final Criticality criticality;

    ProcedureCode(int code, Criticality criticality) {
        this.code = code;
        this.criticality = criticality;
    }

    public int code() {
        return code;
    }

    /** The criticality carried in the NGAP-PDU for this procedure's messages. */
    public Criticality criticality() {
        return criticality;
    }

    /** null for codes this release does not define. */
    public static ProcedureCode fromCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
