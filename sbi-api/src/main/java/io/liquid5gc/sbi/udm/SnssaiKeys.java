package io.liquid5gc.sbi.udm;

import io.liquid5gc.sbi.common.Snssai;
import java.util.Locale;

/**
 * The key of an S-NSSAI in the maps of TS 29.503 (e.g. {@code subscribedSnssaiInfos}): the SST as 2 hex digits
 * followed by the SD's 6 hex digits when there is one ({@code 01010203}, {@code 01}).
 */
public final class SnssaiKeys {

    private SnssaiKeys() {
    }

    public static String of(Snssai s) {
        return String.format(Locale.ROOT, "%02x", s.sst()) + (s.sd() == null ? "" : s.sd());
    }
}
