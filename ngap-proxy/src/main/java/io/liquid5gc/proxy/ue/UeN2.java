package io.liquid5gc.proxy.ue;

import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.nas.NasSecurityAssociation;

/**
 * One UE on N2 as the proxy holds it: the NGAP id pair, the RAN node it is reached through, its location, the
 * AMF's UE context id (the AMF UE NGAP ID of its first connection: a UE coming back from CM-IDLE keeps it), and
 * the NAS security state (TS 24.501 4.4: keys, NAS COUNTs). Touched only by the UE's serial executor; what must
 * survive a proxy restart is written to the store as a {@link UeState}.
 */
final class UeN2 {

    /** The key of the UE's serial executor: its first AMF UE NGAP ID here (the connection may change at handover). */
    final long serialKey;
    long amfUeNgapId;
    long ranUeNgapId;
    RanLink ran;
    String contextId;
    UeLocation location;
    /** The NAS security context in use with its COUNTs (TS 24.501 4.4.2), null before one is established. */
    NasSecurityAssociation nas;
    byte[] kamf;
    boolean registered;
    /**
     * UE CONTEXT RELEASE COMMAND sent for this connection (TS 38.413 8.3.3): the gNB releases it, so nothing more is sent
     * or processed on it; a UE that goes on talking (a Registration Request right after its de-registration) comes back
     * on a new connection.
     */
    boolean releaseCommanded;
    /** NH chaining for handover (TS 33.501 6.9.2.1.1): the last NH (null until the first) and its NCC. */
    byte[] nh;
    int ncc;
    /** The AMF function that sent the last Identity/Authentication Request or Security Mode Command (gets the answer). */
    FunctionSpec<UeRequest, UeResult> commonProcedureOwner;

    /** The tenant its calls are billed to once the AMF allowed its slices ({@link UeTenancy}); null before. */
    String tenant;
    /** The allowed NSSAI of the last Initial Context Setup (empty when not known here). */
    java.util.List<io.liquid5gc.sbi.common.Snssai> allowedNssai = java.util.List.of();
    /** The requested NSSAI of the registration in progress. */
    java.util.List<io.liquid5gc.sbi.common.Snssai> requestedNssai = java.util.List.of();
    /** The tenant of each PDU session (its S-NSSAI's). */
    final java.util.Map<Integer, String> sessionTenants = new java.util.HashMap<>();

    /** The 5GSM message of the UE's last UL NAS TRANSPORT, echoed when the AMF could not forward it (not stored). */
    byte[] lastUplinkSm;

    /**
     * The PDU sessions of the UE's last PATH SWITCH REQUEST (to be switched and failed), listed in its PATH SWITCH
     * REQUEST FAILURE (TS 38.413 9.2.3.10: the list is mandatory); not stored.
     */
    java.util.List<Integer> pathSwitchSessions = java.util.List.of();

    /** The downlink message waiting for the UE's answer under a NAS timer (TS 24.501 10.2), or null. */
    PendingNas pending;

    /** A downlink NAS message sent under {@code timer}: sent again (protected anew) on expiry. */
    static final class PendingNas {
        final NasTimer timer;
        final DownlinkNas message;
        final UeAction.Protection protection;
        int retransmissions;
        NasTimerScheduler.Timer running;

        PendingNas(NasTimer timer, DownlinkNas message, UeAction.Protection protection) {
            this.timer = timer;
            this.message = message;
            this.protection = protection;
        }
    }

    /** An N2 handover in preparation or execution: the target connection (TS 23.502 4.9.1.3). */
    HandoverTarget handover;

    static final class HandoverTarget {
        final RanLink ran;
        final long amfUeNgapId;
        /** The target's RAN UE NGAP ID once its HANDOVER REQUEST ACKNOWLEDGE arrived, else -1. */
        long ranUeNgapId = -1;

        HandoverTarget(RanLink ran, long amfUeNgapId) {
            this.ran = ran;
            this.amfUeNgapId = amfUeNgapId;
        }
    }

    UeN2(long amfUeNgapId, long ranUeNgapId, RanLink ran, UeLocation location) {
        this.serialKey = amfUeNgapId;
        this.amfUeNgapId = amfUeNgapId;
        this.ranUeNgapId = ranUeNgapId;
        this.ran = ran;
        this.location = location;
        this.contextId = Long.toString(amfUeNgapId);
    }

    String contextId() {
        return contextId;
    }

    /** The uplink NAS COUNT of the last message accepted, -1 before the first (or without a security context). */
    long lastUplinkCount() {
        return nas == null ? -1 : nas.lastReceivedCount();
    }

    UeState state() {
        return new UeState(contextId, amfUeNgapId, ranUeNgapId, ran == null ? null : ran.describe(), location,
                nas == null ? 0 : nas.sendCount(), lastUplinkCount(), registered, nh == null ? null : Hex.encode(nh), ncc,
                commonProcedureOwner == null ? null : commonProcedureOwner.name(), tenant);
    }

    @Override
    public String toString() {
        return "UE " + amfUeNgapId + "/" + ranUeNgapId + (contextId.equals(Long.toString(amfUeNgapId)) ? "" : " (context " + contextId + ")");
    }

    /** Whether an NGAP id pair names this UE's connection, or its handover target's (RAN id -1: not given). */
    boolean matches(long amf, long ran) {
        if (amf == amfUeNgapId && ran == ranUeNgapId) {
            return true;
        }
        return handover != null && handover.amfUeNgapId == amf && (handover.ranUeNgapId < 0 || ran < 0 || handover.ranUeNgapId == ran);
    }
}
