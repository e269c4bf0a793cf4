package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * AuthenticationSubscription (TS 29.505 5.2.2.2.2), the fields this core uses. Byte values are lower-case hex.
 * {@code encPermanentKey} (K) and {@code encOpcKey} (OPc) are the subscriber's long-term secrets: the UDR gives this
 * data set to the UDM only, and {@link #toString()} never shows them. {@code protectionParameterId} names how they
 * are protected at rest ({@code "none"}: stored as provisioned).
 *
 * @param authenticationMethod          AuthMethod, {@code 5G_AKA} here
 * @param authenticationManagementField the AMF, 4 hex digits (e.g. {@code 8000})
 * @param algorithmId                   {@code milenage}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationSubscription(String authenticationMethod, String encPermanentKey, String protectionParameterId,
                                         SequenceNumber sequenceNumber, String authenticationManagementField,
                                         String algorithmId, String encOpcKey, String supi) {

    public static final String METHOD_5G_AKA = "5G_AKA";

    public AuthenticationSubscription withSequenceNumber(SequenceNumber sqn) {
        return new AuthenticationSubscription(authenticationMethod, encPermanentKey, protectionParameterId, sqn,
                authenticationManagementField, algorithmId, encOpcKey, supi);
    }

    /** This data set with K and OPc replaced by {@code ***} (for provisioning views). */
    public AuthenticationSubscription redacted() {
        return new AuthenticationSubscription(authenticationMethod, encPermanentKey == null ? null : "***", protectionParameterId,
                sequenceNumber, authenticationManagementField, algorithmId, encOpcKey == null ? null : "***", supi);
    }

    @Override
    public String toString() {
        return "AuthenticationSubscription[authenticationMethod=" + authenticationMethod + ", supi=" + supi
                + ", sequenceNumber=" + sequenceNumber + ", authenticationManagementField=" + authenticationManagementField
                + ", encPermanentKey=***, encOpcKey=***]";
    }

    /**
     * SequenceNumber (TS 29.505 5.2.2.2.3): SQN_HE as 12 hex digits, the scheme (GENERAL, NON_TIME_BASED,
     * TIME_BASED) and the IND length (TS 33.102 C.3.2).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SequenceNumber(String sqnScheme, String sqn, Integer indLength) {
        public static final String NON_TIME_BASED = "NON_TIME_BASED";
    }
}
