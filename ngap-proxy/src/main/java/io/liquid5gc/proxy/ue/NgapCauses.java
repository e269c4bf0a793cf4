package io.liquid5gc.proxy.ue;

import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseNas;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.CauseTransport;
import io.liquid5gc.sbi.amf.NgapCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the contract's {@link NgapCause} and lib-ngap's {@link Cause} IE (TS 38.413 9.3.1.2): the same CHOICE
 * alternative and ENUMERATED index both ways. A cause one side cannot carry is an {@link IllegalArgumentException};
 * only {@link #received} turns a gNB's cause of a later release into misc unspecified, and says so.
 */
final class NgapCauses {

    private static final Logger log = LoggerFactory.getLogger(NgapCauses.class);

    private NgapCauses() {
    }

    /** The NGAP IE for the contract's cause; an {@link IllegalArgumentException} when lib-ngap names no such value. */
    static Cause toNgap(NgapCause c) {
        int v = c.value();
        Cause named = switch (c.group()) {
            case RADIO_NETWORK -> CauseRadioNetwork.fromIndex(v);
            case TRANSPORT -> CauseTransport.fromIndex(v);
            case NAS -> CauseNas.fromIndex(v);
            case PROTOCOL -> CauseProtocol.fromIndex(v);
            case MISC -> CauseMisc.fromIndex(v);
        };
        if (named == null) {
            throw new IllegalArgumentException("lib-ngap names no NGAP cause " + c);
        }
        return named;
    }

    /**
     * The contract's cause for a named NGAP cause; an {@link IllegalArgumentException} for a value of a later release
     * ({@link Cause.Unknown}), the choice-extensions alternative ({@link Cause.Extension}) or null.
     */
    static NgapCause toContract(Cause c) {
        return switch (c) {
            case null -> throw new IllegalArgumentException("no NGAP cause");
            case CauseRadioNetwork r -> new NgapCause(NgapCause.Group.RADIO_NETWORK, r.index());
            case CauseTransport t -> new NgapCause(NgapCause.Group.TRANSPORT, t.index());
            case CauseNas n -> new NgapCause(NgapCause.Group.NAS, n.index());
            case CauseProtocol p -> new NgapCause(NgapCause.Group.PROTOCOL, p.index());
            case CauseMisc m -> new NgapCause(NgapCause.Group.MISC, m.index());
            case Cause.Unknown u -> throw new IllegalArgumentException("NGAP cause " + describe(u) + " is not a value of R17");
            case Cause.Extension x -> throw new IllegalArgumentException("NGAP cause in the choice-extensions is not supported");
        };
    }

    /**
     * The contract's cause for one a gNB sent, which the AMF is told of: as {@link #toContract}, but a cause this
     * release does not name (a later release's value, the choice-extensions, an absent IE) becomes misc unspecified,
     * logged, so that the UE's procedure goes on; the proxy has always sent misc unspecified on for such a cause.
     */
    static NgapCause received(Cause c) {
        if (c == null || c instanceof Cause.Unknown || c instanceof Cause.Extension) {
            log.warn("NGAP cause {} from the gNB is not one of R17: passed to the AMF as misc unspecified", describe(c));
            return NgapCause.MISC_UNSPECIFIED;
        }
        return toContract(c);
    }

    /** The ASN.1 name of the value (e.g. {@code user-inactivity}), its index for a later release's value. */
    static String asn1Name(Cause c) {
        return switch (c) {
            case CauseRadioNetwork r -> r.asn1Name();
            case CauseTransport t -> t.asn1Name();
            case CauseNas n -> n.asn1Name();
            case CauseProtocol p -> p.asn1Name();
            case CauseMisc m -> m.asn1Name();
            case Cause.Unknown u -> Integer.toString(u.index());
            case Cause.Extension x -> "choice-extension";
        };
    }

    /** {@code <alternative>: <value>} for logs, e.g. {@code radioNetwork: user-inactivity}. */
    static String describe(Cause c) {
        if (c == null) {
            return "absent";
        }
        if (c.group() == null) {
            return asn1Name(c);
        }
        return group(c.group()).asn1Name() + ": " + asn1Name(c);
    }

    /** The contract's alternative for lib-ngap's (the same CHOICE of TS 38.413 9.3.1.2). */
    static NgapCause.Group group(Cause.Group g) {
        return switch (g) {
            case RADIO_NETWORK -> NgapCause.Group.RADIO_NETWORK;
            case TRANSPORT -> NgapCause.Group.TRANSPORT;
            case NAS -> NgapCause.Group.NAS;
            case PROTOCOL -> NgapCause.Group.PROTOCOL;
            case MISC -> NgapCause.Group.MISC;
        };
    }
}
