package io.liquid5gc.sbi.bsf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code bsf-binding-register} and {@code bsf-binding-discover}: the binding and its id (TS 29.521: the
 * Location {@code .../pcfBindings/{bindingId}}). Discovery of nothing answers both null (TS 29.521 204 No Content).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PcfBindingResult(String bindingId, PcfBinding pcfBinding) {

    public boolean found() {
        return bindingId != null;
    }
}
