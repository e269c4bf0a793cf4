package io.liquid5gc.evaluation.faults;

/** The procedures of the steady load (TS 24.501 / TS 38.413), as counted in the fault table. */
public enum ProcedureKind {
    /** Initial registration (a churn UE's; the tracked UEs stay registered). */
    REGISTRATION("registration", true),
    /** UE-requested PDU session establishment. */
    PDU_SESSION("PDU session", true),
    /** UE-requested PDU session release. */
    PDU_RELEASE("PDU session release", false),
    /** AN release to CM-IDLE (UE CONTEXT RELEASE REQUEST). */
    RELEASE_TO_IDLE("release to idle", false),
    /** Service request from CM-IDLE, re-activating the UE's PDU sessions. */
    SERVICE_REQUEST("service request", true);

    private final String label;
    private final boolean recovery;

    ProcedureKind(String label, boolean recovery) {
        this.label = label;
        this.recovery = recovery;
    }

    public String label() {
        return label;
    }

    /** The kinds whose first success after a fault marks the recovery (each needs the AMF; with the AUSF/UDM, SMF, stores). */
    public boolean marksRecovery() {
        return recovery;
    }
}
