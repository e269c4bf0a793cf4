package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.util.ArrayList;
import java.util.List;

/** NSSAI, TS 24.501 9.11.3.37: a list of S-NSSAI values, each as LV. */
public record Nssai(List<SNssai> sNssais) {

    public Nssai {
        sNssais = List.copyOf(sNssais);
    }

    public static Nssai decode(NasReader r) throws NasDecodeException {
        List<SNssai> list = new ArrayList<>(4);
        while (r.hasRemaining()) {
            list.add(SNssai.decode(r.lv()));
        }
        return new Nssai(list);
    }

    public void encode(NasWriter w) {
        for (SNssai s : sNssais) {
            int m = w.beginLen8();
            s.encode(w);
            w.endLen8(m);
        }
    }
}
