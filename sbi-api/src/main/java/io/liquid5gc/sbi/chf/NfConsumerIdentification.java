package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;

/** NFIdentification (TS 32.291 6.1.6.2.1.3): the consumer, e.g. nodeFunctionality "SMF". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NfConsumerIdentification(String nodeFunctionality, String nFName) {
}
