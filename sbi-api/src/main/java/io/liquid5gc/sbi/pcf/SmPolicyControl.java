package io.liquid5gc.sbi.pcf;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * SmPolicyControl (TS 29.512 5.6.2.2): an SM policy association, its context and its decision; the answer of
 * {@code pcf-policy-create} and {@code pcf-policy-get}. {@code smPolicyId} is the association's id (in TS 29.512 the
 * last segment of the {@code Location} URI {@code .../sm-policies/{smPolicyId}}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmPolicyControl(String smPolicyId, SmPolicyContextData context, SmPolicyDecision policy) {
}
