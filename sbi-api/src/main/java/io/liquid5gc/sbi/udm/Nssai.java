package io.liquid5gc.sbi.udm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/** Nssai (TS 29.503 6.1.6.2.5): the subscribed S-NSSAIs, the default ones first. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Nssai(List<Snssai> defaultSingleNssais, List<Snssai> singleNssais) {

    public Nssai {
        defaultSingleNssais = defaultSingleNssais == null ? List.of() : List.copyOf(defaultSingleNssais);
        singleNssais = singleNssais == null ? List.of() : List.copyOf(singleNssais);
    }
}
