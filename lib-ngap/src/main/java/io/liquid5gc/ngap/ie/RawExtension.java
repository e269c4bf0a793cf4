package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * One ProtocolExtensionField of a SEQUENCE's iE-Extensions (TS 38.413 9.4.5, ASN.1 NGAP-Containers) that this
 * codec does not interpret: the extension id, its criticality and the open-type contents, kept so that
 * re-encoding is bit-exact. Every extension is kept this way (no extension is modelled as a typed field), so
 * each one is "not comprehended" in the sense of TS 38.413 10.3.4; see {@link #mustReject()}.
 */
public record RawExtension(int id, Criticality criticality, Octets value) {
    public RawExtension {
        if (id < 0 || id > 65535 || criticality == null || value.length() == 0) {
            throw new IllegalArgumentException("extension id 0..65535, a criticality and a non-empty value (X.691 10.2.2)");
        }
    }

    /**
     * True when the extension has criticality reject: TS 38.413 10.3.4.2 has the receiver, not comprehending it,
     * reject the procedure (the failure message, or an ERROR INDICATION for a procedure without one) and report
     * the id as not understood in Criticality Diagnostics.
     */
    public boolean mustReject() {
        return criticality == Criticality.REJECT;
    }

    /** The record components' normal form: never null, immutable. */
    public static List<RawExtension> immutable(List<RawExtension> extensions) {
        return extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** The first extension with criticality reject among {@code extensions}, or null. */
    public static RawExtension firstToReject(List<RawExtension> extensions) {
        for (RawExtension x : extensions) {
            if (x.mustReject()) {
                return x;
            }
        }
        return null;
    }
}
