package io.liquid5gc.sbi.amf;

/**
 * The UE's 5GMM state on the network side (TS 24.501 5.1.3.2.2), with the common procedure in progress made
 * explicit so each answer from the UE is checked against what the AMF asked for.
 */
public enum GmmState {
    DEREGISTERED,
    /** Identity Request sent (TS 24.501 5.4.3), waiting for the Identity Response. */
    IDENTIFICATION_PENDING,
    /** Authentication Request sent (5.4.1.3), waiting for the Authentication Response or Failure. */
    AUTHENTICATION_PENDING,
    /** Security Mode Command sent (5.4.2), waiting for Security Mode Complete or Reject. */
    SECURITY_MODE_PENDING,
    /** Registration Accept sent with a new 5G-GUTI (5.5.1.2.4), waiting for Registration Complete. */
    REGISTRATION_COMPLETE_PENDING,
    REGISTERED,
    /**
     * De-registration Request sent by the network (5.5.2.3.1, 5GMM-DEREGISTERED-INITIATED), waiting for the
     * De-registration Accept; the UE's PDU sessions are already released.
     */
    DEREGISTRATION_PENDING
}
