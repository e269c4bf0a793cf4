package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;

/** APER codec of one ASN.1 value type (an IE value, a list, a structure). */
public interface ValueCodec<T> {
    T decode(AperReader r);

    void encode(AperWriter w, T value);
}
