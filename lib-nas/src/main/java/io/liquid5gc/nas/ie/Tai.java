package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/** 5GS tracking area identity, TS 24.501 9.11.3.8: PLMN and 3-octet TAC. */
public record Tai(PlmnId plmn, int tac) {

    public Tai {
        if (tac < 0 || tac > 0xFFFFFF) {
            throw new IllegalArgumentException("bad TAC");
        }
    }

    public static Tai decode(NasReader r) throws NasDecodeException {
        return new Tai(PlmnId.decode(r), r.u24());
    }

    public void encode(NasWriter w) {
        plmn.encode(w);
        w.u24(tac);
    }
}
