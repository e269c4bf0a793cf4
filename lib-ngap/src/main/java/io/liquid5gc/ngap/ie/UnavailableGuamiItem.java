package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.2.6.4 AMF STATUS INDICATION: Unavailable GUAMI item: the GUAMI the AMF takes out of service;
 * {@code timerApproachForGuamiRemoval} (the "apply-timer" value) asks the NG-RAN node to keep the GUAMI's UE contexts
 * for a while instead of removing them at once; the backup AMF name, when set, is where the NG-RAN node sends its UEs
 * (null when absent); {@code extensions} are its iE-Extensions kept raw.
 */
public record UnavailableGuamiItem(Guami guami, boolean timerApproachForGuamiRemoval, String backupAmfName,
                                   List<RawExtension> extensions) {
    public UnavailableGuamiItem {
        extensions = RawExtension.immutable(extensions);
    }

    public UnavailableGuamiItem(Guami guami, String backupAmfName) {
        this(guami, false, backupAmfName, List.of());
    }
}
