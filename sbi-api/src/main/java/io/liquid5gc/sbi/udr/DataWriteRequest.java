package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.NfType;

/**
 * The request of {@code udr-data-write}: Nudr_DataRepository Create/Update/Delete (TS 29.504 5.2.2.3-5.2.2.5) of a
 * UE's subscription data.
 *
 * @param operation  {@link Operation}
 * @param requester  the NF type of the caller (see {@link DataReadRequest#requester()}): only the UDM may write the
 *                   authentication subscription
 * @param data       for PUT: the data sets to create or replace (absent ones are kept)
 * @param sqnUpdate  for UPDATE_SQN: the compare-and-set of SQN_HE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataWriteRequest(String ueId, Operation operation, NfType requester, SubscriptionData data, SqnUpdate sqnUpdate) {

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

    public static DataWriteRequest updateSqn(String ueId, NfType requester, String expectedSqn,
                                             AuthenticationSubscription.SequenceNumber next) {
        return new DataWriteRequest(ueId, Operation.UPDATE_SQN, requester, null, new SqnUpdate(expectedSqn, next));
    }
}
