package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.16 User Location Information (CHOICE). */
public sealed interface UserLocationInformation {

    /** NR user location: NR CGI, TAI and optional age-of-location time stamp (4 octets, or null). */
    record Nr(NrCgi nrCgi, Tai tai, Octets timeStamp) implements UserLocationInformation {
        public Nr(NrCgi nrCgi, Tai tai) {
            this(nrCgi, tai, null);
        }
    }

    record Eutra(EutraCgi eutraCgi, Tai tai, Octets timeStamp) implements UserLocationInformation {
    }

    /** N3IWF: UE IP address (transport layer address bits) and optional port number (2 octets or null). */
    record N3iwf(TransportLayerAddress ipAddress, Octets portNumber) implements UserLocationInformation {
    }

    /** A choice extension (TNGF, TWIF, W-AGF...), kept as its ProtocolIE-SingleContainer. */
    record Extension(RawIe ie) implements UserLocationInformation {
    }
}
