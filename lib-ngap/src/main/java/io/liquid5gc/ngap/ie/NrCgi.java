package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.7 NR CGI: PLMN identity and the 36-bit NR cell identity. */
public record NrCgi(PlmnIdentity plmn, long cellIdentity) {
    public NrCgi {
        if ((cellIdentity >>> 36) != 0) {
            throw new IllegalArgumentException("NR cell identity is 36 bits");
        }
    }
}
