package io.liquid5gc.sbi.amf;

/**
 * The keys of the AMF's state in the shared store, which the AMF's functions write and the N2 proxy (terminating N1
 * for them) reads: the one place they are spelled. The strings are those the state was written under from the start,
 * so a running store stays readable.
 */
public final class AmfStoreKeys {

    /** The 5G-TMSI counter, unique across every AMF process sharing the store (TS 23.003 2.10). */
    public static final String TMSI_COUNTER = "amf/tmsi-counter";

    private AmfStoreKeys() {
    }

    /** The prefix of every UE context (a scan lists them). */
    public static final String UE_CONTEXT_PREFIX = "amf/ue/";

    /** The UE context. */
    public static String ueContext(String ueContextId) {
        return UE_CONTEXT_PREFIX + ueContextId;
    }

    /** The UE context id of a SUPI (the index for the network's own procedures on a UE). */
    public static String supi(String supi) {
        return "amf/supi/" + supi;
    }

    /** The UE context id of a 5G-GUTI, under its text form ({@link FiveGGuti#format()}). */
    public static String guti(FiveGGuti guti) {
        return "amf/guti/" + guti.format();
    }

    /** The UE's PDU sessions. */
    public static String sessions(String ueContextId) {
        return "amf/sessions/" + ueContextId;
    }

    /** The UE's 5G NAS security context ({@link NasSecurityContext}). */
    public static String nasSecurity(String ueContextId) {
        return "amf/nas-security/" + ueContextId;
    }

    /** A network-initiated de-registration waiting for the paged UE's Service Request. */
    public static String pendingDeregistration(String ueContextId) {
        return "amf/pending-deregistration/" + ueContextId;
    }
}
