package io.liquid5gc.sbi.amf.n1n2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.smf.PduSessionReleaseCommand;
import io.liquid5gc.sbi.smf.PduSessionResourceReleaseCommandTransfer;

/**
 * N1N2MessageTransferReqData (TS 29.518 6.1.6.2.23), the members this core uses: the N1 message (class SM), the N2
 * information (class SM, for one PDU session), the PDU session, and {@code skipInd} (TS 29.518 5.2.2.3.1: do not page
 * a CM-IDLE UE for the N1 message, answer N1_MSG_NOT_TRANSFERRED).
 *
 * <p>Two requests come from the SMF: the downlink data notification (TS 23.502 4.2.3.3 step 3a: N2 SM information for
 * the session, no N1 message; {@link #downlinkData}) and the network-requested release (TS 23.502 4.3.4.2 step 3a:
 * PDU Session Release Command and PDU Session Resource Release Command Transfer, skipInd; {@link #release}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record N1N2MessageTransferReqData(N1MessageContainer n1MessageContainer, N2InfoContainer n2InfoContainer, Integer pduSessionId,
                                         Boolean skipInd, String nfId) {

    /** The content id of the N1 SM message of a release. */
    public static final String N1_SM_CONTENT_ID = "n1SmMsg";
    /** The content id of the N2 SM information. */
    public static final String N2_SM_CONTENT_ID = "n2SmInfo";

    /** Downlink data waits at the UPF for this PDU session (TS 23.502 4.2.3.3 step 3a). */
    public static N1N2MessageTransferReqData downlinkData(int pduSessionId, String smfInstanceId) {
        return new N1N2MessageTransferReqData(null, new N2InfoContainer(N2InformationClass.SM,
                new N2SmInformation(pduSessionId, new N2InfoContent(NgapIeType.PDU_RES_SETUP_REQ, new RefToBinaryData(N2_SM_CONTENT_ID)), null)),
                pduSessionId, null, smfInstanceId);
    }

    /** The SMF released this PDU session itself (TS 23.502 4.3.4.2 step 3a), with the 5GSM cause for the UE. */
    public static N1N2MessageTransferReqData release(int pduSessionId, int cause5gsm, String causeName, String smfInstanceId) {
        return new N1N2MessageTransferReqData(
                new N1MessageContainer(N1MessageClass.SM, new RefToBinaryData(N1_SM_CONTENT_ID), new PduSessionReleaseCommand(pduSessionId, cause5gsm, causeName)),
                new N2InfoContainer(N2InformationClass.SM, new N2SmInformation(pduSessionId,
                        new N2InfoContent(NgapIeType.PDU_RES_REL_CMD, new RefToBinaryData(N2_SM_CONTENT_ID)),
                        new PduSessionResourceReleaseCommandTransfer("nas: normal-release"))),
                pduSessionId, true, smfInstanceId);
    }

    /** N1MessageContainer (TS 29.518 6.1.6.2.13); {@code n1SmMsg} is the content {@code n1MessageContent} names. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record N1MessageContainer(N1MessageClass n1MessageClass, RefToBinaryData n1MessageContent, PduSessionReleaseCommand n1SmMsg) {
    }

    /** N2InfoContainer (TS 29.518 6.1.6.2.10), class SM only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record N2InfoContainer(N2InformationClass n2InformationClass, N2SmInformation smInfo) {
    }

    /** N2SmInformation (TS 29.518 6.1.6.2.11); {@code n2SmInfo} is the content {@code ngapData} names (a release's). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record N2SmInformation(Integer pduSessionId, N2InfoContent n2InfoContent, PduSessionResourceReleaseCommandTransfer n2SmInfo) {
    }

    /** N2InfoContent (TS 29.518 6.1.6.2.12). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record N2InfoContent(NgapIeType ngapIeType, RefToBinaryData ngapData) {
    }

    /** RefToBinaryData (TS 29.571 5.4.4.17). */
    public record RefToBinaryData(String contentId) {
    }
}
