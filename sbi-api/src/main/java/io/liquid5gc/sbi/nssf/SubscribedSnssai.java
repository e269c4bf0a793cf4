package io.liquid5gc.sbi.nssf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;

/** SubscribedSnssai (TS 29.531 6.1.6.2.2): a subscribed S-NSSAI and whether it is a default one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscribedSnssai(Snssai subscribedSnssai, Boolean defaultIndication) {
}
