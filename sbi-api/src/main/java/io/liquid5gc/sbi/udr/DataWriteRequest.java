package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The request of {@code udr-data-write}: Nudr_DataRepository Create/Update/Delete (TS 29.504 5.2.2.3-5.2.2.5) of a
 * UE's subscription data. Only the UDM may write (the caller's NF type comes from its access token, see
 * {@link io.liquid5gc.sbi.security.Caller}).
 *
 * @param operation  {@link Operation}
 * @param data       for PUT: the data sets to create or replace (absent ones are kept)
 * @param sqnUpdate  for UPDATE_SQN: the compare-and-set of SQN_HE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataWriteRequest(String ueId, Operation operation, SubscriptionData data, SqnUpdate sqnUpdate) {

    public enum Operation {
        /** Create the subscriber, or replace the data sets given. */
        PUT,
        /** Remove the subscriber and all its data. */
        DELETE,
        /**
         * The PATCH of {@code authentication-subscription/sequenceNumber} (TS 29.505 5.2.2.2.3
         * ModifyAuthenticationSubscription) with a JSON-Patch "test" of the old value (RFC 6902 4.6): atomic, so two
         * concurrent authentications never get the same SQN.
         */
        UPDATE_SQN
    }

    /**
     * Set SQN_HE to {@code sequenceNumber} only if it is still {@code expectedSqn} (12 hex digits).
     */
    public record SqnUpdate(String expectedSqn, AuthenticationSubscription.SequenceNumber sequenceNumber) {
    }

    public static DataWriteRequest updateSqn(String ueId, String expectedSqn,
                                             AuthenticationSubscription.SequenceNumber next) {
        return new DataWriteRequest(ueId, Operation.UPDATE_SQN, null, new SqnUpdate(expectedSqn, next));
    }
}
