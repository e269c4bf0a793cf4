package io.liquid5gc.sbi.pcf;

/** The request of {@code pcf-policy-get} (TS 29.512 4.2.5, GET {@code .../sm-policies/{smPolicyId}}). */
public record SmPolicyGetRequest(String smPolicyId) {
}
