package io.liquid5gc.sbi.amf;

/**
 * How the SMF tells the AMF that downlink data waits for a UE's PDU session (TS 23.502 4.2.3.3 step 3a,
 * Namf_Communication_N1N2MessageTransfer, TS 29.518): the N2 side (ngap-proxy) hands it to {@code amf-service-request},
 * which pages a CM-IDLE UE; and of PDU sessions the SMF released itself ({@code amf-pdu-session-relay} tells the UE).
 * Provided in-process where the proxy runs with the SMF (the all-in-one); an SMF in another process gets nf-smf's
 * HTTP client of the N2 side's N1N2MessageTransfer resource ({@link io.liquid5gc.sbi.amf.n1n2}), behind this interface.
 */
@FunctionalInterface
public interface DownlinkDataNotifier {

    /** Downlink data for PDU session {@code pduSessionId} of {@code supi}; false when the AMF has no such UE. */
    boolean notifyDownlinkData(String supi, int pduSessionId);

    /**
     * The SMF released PDU session {@code pduSessionId} of {@code supi} itself (TS 23.502 4.3.4.2 network-requested
     * release, with the 5GSM cause for the UE); false when the AMF has no such UE or cannot be told.
     */
    default boolean notifyPduSessionReleased(String supi, int pduSessionId, int cause5gsm) {
        return false;
    }
}
