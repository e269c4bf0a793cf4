package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.9 E-UTRA CGI: PLMN identity and the 28-bit E-UTRA cell identity. */
public record EutraCgi(PlmnIdentity plmn, int cellIdentity) {
    public EutraCgi {
        if ((cellIdentity >>> 28) != 0) {
            throw new IllegalArgumentException("E-UTRA cell identity is 28 bits");
        }
    }
}
