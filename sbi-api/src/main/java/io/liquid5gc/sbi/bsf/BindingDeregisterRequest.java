package io.liquid5gc.sbi.bsf;

/** Nbsf_Management_Deregister (TS 29.521 5.2.2.3): the binding to delete. */
public record BindingDeregisterRequest(String bindingId) {
}
