package io.liquid5gc.ngap.ie;

/**
 * TS 38.413 9.3.1.2 Cause: a CHOICE of five groups, each an extensible enumeration. The enums
 * {@link CauseRadioNetwork}, {@link CauseTransport}, {@link CauseNas}, {@link CauseProtocol} and
 * {@link CauseMisc} are the known values; {@link Unknown} keeps a value from a later release, and
 * {@link Extension} the choice-extension alternative.
 */
public sealed interface Cause permits CauseRadioNetwork, CauseTransport, CauseNas, CauseProtocol, CauseMisc,
        Cause.Unknown, Cause.Extension {

    /** The CHOICE alternatives, in ASN.1 order. */
    enum Group { RADIO_NETWORK, TRANSPORT, NAS, PROTOCOL, MISC }

    Group group();

    /** The enumeration index (root values first, then extension values, in ASN.1 order). */
    int index();

    /** A value this release does not name (an extension value of a later release). */
    record Unknown(Group group, int index) implements Cause {
    }

    /** The choice-extensions alternative, kept raw. */
    record Extension(RawIe ie) implements Cause {
        @Override
        public Group group() {
            return null;
        }

        @Override
        public int index() {
            return -1;
        }
    }

    /** The cause for group and index, an {@link Unknown} when not named here. */
    static Cause of(Group group, int index) {
        Cause c = switch (group) {
            case RADIO_NETWORK -> CauseRadioNetwork.fromIndex(index);
            case TRANSPORT -> CauseTransport.fromIndex(index);
            case NAS -> CauseNas.fromIndex(index);
            case PROTOCOL -> CauseProtocol.fromIndex(index);
            case MISC -> CauseMisc.fromIndex(index);
        };
        return c != null ? c : new Unknown(group, index);
    }
}
