package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The keys of the SMF's SM contexts in the shared store, which the SMF writes and operator views read: the one place
 * they are spelled.
 */
public final class SmfStoreKeys {

    private SmfStoreKeys() {
    }

    /** The SM context of one PDU session. */
    public static String smContext(String smContextRef) {
        return "smf/ctx/" + smContextRef;
    }

    /**
     * What operators may see of an SM context: the PDU session and the UE's address (field names of nf-smf's
     * {@code SmContext}, which holds more: TEIDs, policy and charging references, not taken here).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SmContextSummary(String smContextRef, String supi, int pduSessionId, String dnn, String ueIpv4, String upCnxState) {
    }
}
