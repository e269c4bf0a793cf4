package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.TypeOfError;

/**
 * What the decoder did with an IE it could not take (TS 38.413 10.3.4 / 10.3.5): the IE id and criticality,
 * the type of error, and whether the sender must be notified (criticality notify: "ignore IE and notify
 * sender", reported in Criticality Diagnostics) or it was silently ignored (criticality ignore).
 */
public record IeReport(int ieId, Criticality criticality, TypeOfError typeOfError, String detail) {
    /** True when TS 38.413 10.3.4.2 asks to notify the sender (criticality "ignore IE and notify sender"). */
    public boolean notifySender() {
        return criticality == Criticality.NOTIFY;
    }
}
