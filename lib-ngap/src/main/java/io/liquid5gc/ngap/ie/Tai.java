package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.3.11 TAI: PLMN identity and TAC (9.3.3.10, 3 octets). */
public record Tai(PlmnIdentity plmn, int tac) {
    public Tai {
        if ((tac & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("TAC is 3 octets");
        }
    }
}
