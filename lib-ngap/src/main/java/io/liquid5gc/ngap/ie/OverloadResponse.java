package io.liquid5gc.ngap.ie;

/**
 * TS 38.413 9.3.1.104 Overload Response: {@code CHOICE { overloadAction, choice-Extensions }}. An extension alternative
 * of a later release is kept as it came and re-encoded.
 */
public sealed interface OverloadResponse {

    /** The action the NG-RAN node is asked to take while the AMF is overloaded (TS 23.501 5.19.5.2). */
    record Action(OverloadAction action) implements OverloadResponse {
    }

    record Extension(RawIe ie) implements OverloadResponse {
    }
}
