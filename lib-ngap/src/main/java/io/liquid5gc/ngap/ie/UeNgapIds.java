package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.3.x UE NGAP IDs (CHOICE) of UE Context Release Command. */
public sealed interface UeNgapIds {
    record Pair(long amfUeNgapId, long ranUeNgapId) implements UeNgapIds {
    }

    record AmfOnly(long amfUeNgapId) implements UeNgapIds {
    }

    record Extension(RawIe ie) implements UeNgapIds {
    }
}
