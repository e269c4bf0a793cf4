package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/** What an AMF function asks the proxy to do on N1/N2 for one UE, in order. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
@JsonSubTypes({
        @JsonSubTypes.Type(value = N1Action.SendNas.class, name = "SEND_NAS"),
        @JsonSubTypes.Type(value = N1Action.InitialContextSetup.class, name = "INITIAL_CONTEXT_SETUP"),
        @JsonSubTypes.Type(value = N1Action.ReleaseUe.class, name = "RELEASE_UE")})
public sealed interface N1Action {

    /** How the proxy protects a downlink NAS message (TS 24.501 4.4.4, 9.3.1 security header types). */
    enum Protection {
        /** Plain: before a security context exists (Authentication Request, Identity Request, rejects). */
        PLAIN,
        /** Integrity protected with the new 5G NAS security context, not ciphered: the Security Mode Command. */
        NEW_CONTEXT_INTEGRITY,
        /** Integrity protected and ciphered with the current context. */
        PROTECTED
    }

    /** Send a NAS message in a DOWNLINK NAS TRANSPORT. */
    record SendNas(DownlinkNas message, Protection protection) implements N1Action {
    }

    /**
     * INITIAL CONTEXT SETUP REQUEST (TS 38.413 8.3.1) carrying the NAS message; the proxy adds KgNB, derived
     * from the current KAMF and the uplink NAS COUNT (TS 33.501 A.9), and the UE security capabilities.
     */
    record InitialContextSetup(DownlinkNas nas, List<Snssai> allowedNssai, UeSecurityCapability ueSecurityCapability)
            implements N1Action {
        public InitialContextSetup {
            allowedNssai = List.copyOf(allowedNssai);
        }
    }

    /** UE CONTEXT RELEASE COMMAND (TS 38.413 8.3.3) with an NGAP NAS cause (normal-release, deregister, authentication-failure). */
    record ReleaseUe(String nasCause) implements N1Action {
    }
}
