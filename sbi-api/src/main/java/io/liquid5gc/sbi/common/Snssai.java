package io.liquid5gc.sbi.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Snssai (TS 29.571 5.4.4.2): slice/service type 0..255 and an optional 6-hex-digit slice differentiator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snssai(int sst, String sd) {

    public Snssai {
        if (sst < 0 || sst > 255) {
            throw new IllegalArgumentException("sst must be 0..255: " + sst);
        }
        if (sd != null && !sd.matches("[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("sd must be 6 hex digits: " + sd);
        }
        sd = sd == null ? null : sd.toLowerCase(java.util.Locale.ROOT);
    }

    public static Snssai of(int sst) {
        return new Snssai(sst, null);
    }

    @Override
    public String toString() {
        return sd == null ? Integer.toString(sst) : sst + "-" + sd;
    }
}
