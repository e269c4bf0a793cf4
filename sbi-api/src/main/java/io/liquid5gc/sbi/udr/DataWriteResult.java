package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code udr-data-write}.
 *
 * @param applied        false only for an UPDATE_SQN whose expected SQN was no longer there (another authentication
 *                       got in between); {@code sequenceNumber} then is the current one, to compute the next from
 * @param created        for PUT: the subscriber did not exist before
 * @param sequenceNumber for UPDATE_SQN: SQN_HE after the call
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataWriteResult(String ueId, boolean applied, boolean created,
                              AuthenticationSubscription.SequenceNumber sequenceNumber) {
}
