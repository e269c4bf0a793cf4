package io.liquid5gc.sbi.bsf;

/** The answer of {@code bsf-binding-deregister}: {@code deleted} false when there was no such binding (repeated call). */
public record BindingDeregisterResult(String bindingId, boolean deleted) {
}
