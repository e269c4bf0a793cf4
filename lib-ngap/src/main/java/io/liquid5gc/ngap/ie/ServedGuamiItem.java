package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.2.6.2 Served GUAMI item: GUAMI and optional backup AMF name (null when absent); {@code extensions}
 * are its iE-Extensions kept raw (e.g. id-GUAMIType), empty when none.
 */
public record ServedGuamiItem(Guami guami, String backupAmfName, List<RawExtension> extensions) {
    public ServedGuamiItem {
        extensions = RawExtension.immutable(extensions);
    }

    public ServedGuamiItem(Guami guami, String backupAmfName) {
        this(guami, backupAmfName, List.of());
    }

    public ServedGuamiItem(Guami guami) {
        this(guami, null);
    }
}
