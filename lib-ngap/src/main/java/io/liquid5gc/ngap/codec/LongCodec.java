package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;

/** APER codec of a value held as a primitive long (ids, integers, single-value enumerations) — no boxing. */
public interface LongCodec {
    long decode(AperReader r);

    void encode(AperWriter w, long value);
}
