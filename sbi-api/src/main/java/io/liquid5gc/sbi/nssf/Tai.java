package io.liquid5gc.sbi.nssf;

import io.liquid5gc.sbi.common.PlmnId;

/** Tai (TS 29.571 5.4.4.11): PLMN and tracking area code, {@code tac} 4 or 6 hex digits (e.g. "000001"). */
public record Tai(PlmnId plmnId, String tac) {

    public Tai {
        if (tac != null && !tac.matches("[0-9A-Fa-f]{4}|[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("tac must be 4 or 6 hex digits (TS 29.571 Tac): " + tac);
        }
        tac = tac == null ? null : tac.toUpperCase(java.util.Locale.ROOT);
    }
}
