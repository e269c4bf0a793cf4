package io.liquid5gc.sbi.nssf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;

/** ConfiguredSnssai (TS 29.531 6.1.6.2.8). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfiguredSnssai(Snssai configuredSnssai, Snssai mappedHomeSnssai) {
}
