package io.liquid5gc.proxy.ue;

import io.liquid5gc.sbi.amf.UeLocation;

/**
 * What the proxy keeps of a UE in the store ({@code proxy/ue/<context id>}), so that another proxy replica or a
 * restarted one carries on (docs/architecture.md "Per-UE state survives the proxy"): the current N2 connection (AMF and RAN UE NGAP ids, the gNB by name, null
 * when the UE is CM-IDLE), the NAS COUNTs (TS 24.501 4.4.3), the handover key chain (NH hex, NCC) and the function
 * that waits for the answer to a common procedure, the tenant its calls are billed to. The NAS keys
 * themselves are derived again from the AMF's NAS security context in the store; nothing secret is here.
 */
record UeState(String contextId, long amfUeNgapId, long ranUeNgapId, String ran, UeLocation location, int dlCount, long lastUlCount,
               boolean registered, String nh, int ncc, String commonProcedureOwner, String tenant) {

    static String key(String contextId) {
        return "proxy/ue/" + contextId;
    }

    /** The index from a connection's AMF UE NGAP ID to the UE context id. */
    static String idKey(long amfUeNgapId) {
        return "proxy/ngap-id/" + amfUeNgapId;
    }
}
