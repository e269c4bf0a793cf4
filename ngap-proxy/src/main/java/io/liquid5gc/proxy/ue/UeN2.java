package io.liquid5gc.proxy.ue;

import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.security.nas.NasProtection;

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
    NasProtection protection;
    byte[] kamf;
    int dlCount;
    long lastUlCount = -1;
    boolean registered;
    /** NH chaining for handover (TS 33.501 6.9.2.1.1): the last NH (null until the first) and its NCC. */
    byte[] nh;
    int ncc;
    /** The AMF function that sent the last Identity/Authentication Request or Security Mode Command (gets the answer). */
    io.liquid5gc.sbi.FunctionSpec<io.liquid5gc.sbi.amf.UeRequest, io.liquid5gc.sbi.amf.UeResult> commonProcedureOwner;

    /** The 5GSM message of the UE's last UL NAS TRANSPORT, echoed when the AMF could not forward it (not stored). */
    byte[] lastUplinkSm;

    /** The downlink message waiting for the UE's answer under a NAS timer (TS 24.501 10.2), or null. */
    PendingNas pending;

    /** A downlink NAS message sent under {@code timer}: sent again (protected anew) on expiry. */
    static final class PendingNas {
        final String timer;
        final io.liquid5gc.sbi.amf.DownlinkNas message;
        final io.liquid5gc.sbi.amf.UeAction.Protection protection;
        int retransmissions;
        NasTimerScheduler.Timer running;

        PendingNas(String timer, io.liquid5gc.sbi.amf.DownlinkNas message, io.liquid5gc.sbi.amf.UeAction.Protection protection) {
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

    /**
     * The uplink NAS COUNT of a received sequence number (TS 24.501 4.4.3.1): the overflow counter steps when the
     * sequence number wraps below the last one accepted.
     */
    long estimateUplinkCount(int sequenceNumber) {
        if (lastUlCount < 0) {
            return sequenceNumber;
        }
        long overflow = lastUlCount >>> 8;
        int lastSqn = (int) (lastUlCount & 0xFF);
        if (sequenceNumber < lastSqn) {
            overflow++;
        }
        return (overflow << 8) | sequenceNumber;
    }

    UeState state() {
        return new UeState(contextId, amfUeNgapId, ranUeNgapId, ran == null ? null : ran.describe(), location, dlCount, lastUlCount,
                registered, nh == null ? null : io.liquid5gc.security.Hex.encode(nh), ncc,
                commonProcedureOwner == null ? null : commonProcedureOwner.name());
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
