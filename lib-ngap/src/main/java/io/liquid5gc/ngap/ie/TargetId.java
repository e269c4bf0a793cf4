package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.25 Target ID (CHOICE). */
public sealed interface TargetId {
    /** Target NG-RAN node: its global id and the selected TAI. */
    record RanNode(GlobalRanNodeId globalRanNodeId, Tai selectedTai) implements TargetId {
    }

    /** Target eNB (handover to EPS): global eNB id and selected EPS TAI (2-octet TAC). */
    record Enb(GlobalRanNodeId.NgEnb globalEnbId, PlmnIdentity epsTaiPlmn, int epsTac) implements TargetId {
    }

    record Extension(RawIe ie) implements TargetId {
    }
}
