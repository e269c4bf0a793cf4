package io.liquid5gc.proxy.ue;

import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.security.nas.NasProtection;

/**
 * One UE on N2 as the proxy holds it: the NGAP id pair, the RAN node it is reached through, its location, and
 * the NAS security state (TS 24.501 4.4: keys, NAS COUNTs). Touched only by the UE's serial executor.
 * (Persisting this to the store so a restarted proxy continues is still to come.)
 */
final class UeN2 {

    final long amfUeNgapId;
    final long ranUeNgapId;
    final RanLink ran;
    UeLocation location;
    NasProtection protection;
    byte[] kamf;
    int dlCount;
    long lastUlCount = -1;

    UeN2(long amfUeNgapId, long ranUeNgapId, RanLink ran, UeLocation location) {
        this.amfUeNgapId = amfUeNgapId;
        this.ranUeNgapId = ranUeNgapId;
        this.ran = ran;
        this.location = location;
    }

    String contextId() {
        return Long.toString(amfUeNgapId);
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

    @Override
    public String toString() {
        return "UE " + amfUeNgapId + "/" + ranUeNgapId;
    }
}
