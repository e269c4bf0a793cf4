package io.liquid5gc.ngap.ie;

import java.util.List;

/** A value encoded as a ProtocolIE-Container (TS 38.413 9.4.x): it may carry IEs kept raw. */
public interface IeContainer {
    /** IEs carried but not interpreted, re-encoded after the typed ones (never null). */
    List<RawIe> rawIes();
}
