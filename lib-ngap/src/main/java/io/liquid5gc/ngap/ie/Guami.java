package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.3.3 GUAMI: PLMN, AMF Region ID (8 bits), AMF Set ID (10 bits), AMF Pointer (6 bits). */
public record Guami(PlmnIdentity plmn, int amfRegionId, int amfSetId, int amfPointer) {
    public Guami {
        if ((amfRegionId & ~0xFF) != 0 || (amfSetId & ~0x3FF) != 0 || (amfPointer & ~0x3F) != 0) {
            throw new IllegalArgumentException("AMF region/set/pointer out of range");
        }
    }
}
