package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.1.16 User Location Information (CHOICE). The SEQUENCE alternatives keep their iE-Extensions
 * (e.g. id-PSCellInformation, id-NID, id-NRNTNTAIInformation) raw in {@code extensions}, empty when none.
 */
public sealed interface UserLocationInformation {

    /** The iE-Extensions carried by the alternative, kept raw (none for a choice extension). */
    List<RawExtension> extensions();

    /** NR user location: NR CGI, TAI and optional age-of-location time stamp (4 octets, or null). */
    record Nr(NrCgi nrCgi, Tai tai, Octets timeStamp, List<RawExtension> extensions)
            implements UserLocationInformation {
        public Nr {
            extensions = RawExtension.immutable(extensions);
        }

        public Nr(NrCgi nrCgi, Tai tai, Octets timeStamp) {
            this(nrCgi, tai, timeStamp, List.of());
        }

        public Nr(NrCgi nrCgi, Tai tai) {
            this(nrCgi, tai, null);
        }
    }

    record Eutra(EutraCgi eutraCgi, Tai tai, Octets timeStamp, List<RawExtension> extensions)
            implements UserLocationInformation {
        public Eutra {
            extensions = RawExtension.immutable(extensions);
        }

        public Eutra(EutraCgi eutraCgi, Tai tai, Octets timeStamp) {
            this(eutraCgi, tai, timeStamp, List.of());
        }
    }

    /** N3IWF: UE IP address (transport layer address bits) and optional port number (2 octets or null). */
    record N3iwf(TransportLayerAddress ipAddress, Octets portNumber, List<RawExtension> extensions)
            implements UserLocationInformation {
        public N3iwf {
            extensions = RawExtension.immutable(extensions);
        }

        public N3iwf(TransportLayerAddress ipAddress, Octets portNumber) {
            this(ipAddress, portNumber, List.of());
        }
    }

    /** A choice extension (TNGF, TWIF, W-AGF...), kept as its ProtocolIE-SingleContainer. */
    record Extension(RawIe ie) implements UserLocationInformation {
        @Override
        public List<RawExtension> extensions() {
            return List.of();
        }
    }
}
