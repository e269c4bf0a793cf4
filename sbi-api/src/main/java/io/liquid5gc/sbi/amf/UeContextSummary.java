package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * What operators may see of an AMF UE context ({@link AmfStoreKeys#ueContext}): read from the stored document, which
 * holds more (KAMF, the challenge) that this record does not take, so no key can reach an operator view. The field
 * names are those of nf-amf's {@code UeContext}, which writes the document.
 *
 * @param id           the UE context id (the AMF UE NGAP ID of the UE's first connection)
 * @param state        the 5GMM state (TS 24.501 5.1.3.2.2)
 * @param supi         null before authentication
 * @param guti         the 5G-GUTI in its text form ({@link FiveGGuti#format()}), null before the Registration Accept
 * @param allowedNssai the allowed NSSAI of the Registration Accept
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UeContextSummary(String id, GmmState state, String supi, String guti, List<Snssai> allowedNssai) {

    public UeContextSummary {
        allowedNssai = allowedNssai == null ? List.of() : List.copyOf(allowedNssai);
    }

    /**
     * The PDU sessions of a UE as the AMF keeps them ({@link AmfStoreKeys#sessions}), for operators: per session id,
     * the SMF's SM context reference, S-NSSAI, DNN and user-plane state. Field names are nf-amf's {@code UeSessions}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sessions(java.util.Map<Integer, Session> sessions) {
        public Sessions {
            sessions = sessions == null ? java.util.Map.of() : java.util.Map.copyOf(sessions);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(int pduSessionId, String smContextRef, Snssai sNssai, String dnn, String upState) {
    }
}
