package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * NfLoadLevelInformation (TS 29.520 5.1.6.2.9): the load of an NF type / instance. {@code nfLoadLevelAverage} is a
 * percentage; this NWDAF also reports the invocation rate it derived it from ({@code invocationsPerSecond}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NfLoadLevelInformation(String nfType, String nfInstanceId, Integer nfLoadLevelAverage, Double invocationsPerSecond) {
}
