package io.liquid5gc.sbi.nssf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** AllowedNssai (TS 29.531 6.1.6.2.6): the allowed S-NSSAIs for one access type (3GPP_ACCESS, NON_3GPP_ACCESS). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AllowedNssai(List<AllowedSnssai> allowedSnssaiList, String accessType) {

    public AllowedNssai {
        allowedSnssaiList = allowedSnssaiList == null ? List.of() : List.copyOf(allowedSnssaiList);
    }
}
