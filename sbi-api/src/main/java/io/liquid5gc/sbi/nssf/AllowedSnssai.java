package io.liquid5gc.sbi.nssf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;

/** AllowedSnssai (TS 29.531 6.1.6.2.7). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AllowedSnssai(Snssai allowedSnssai, Snssai mappedHomeSnssai) {
}
