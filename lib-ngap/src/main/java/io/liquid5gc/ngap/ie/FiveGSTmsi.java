package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.3.20 5G-S-TMSI: AMF Set ID (10 bits), AMF Pointer (6 bits), 5G-TMSI (32 bits). */
public record FiveGSTmsi(int amfSetId, int amfPointer, long fiveGTmsi) {
    public FiveGSTmsi {
        if ((amfSetId & ~0x3FF) != 0 || (amfPointer & ~0x3F) != 0 || (fiveGTmsi >>> 32) != 0) {
            throw new IllegalArgumentException("5G-S-TMSI field out of range");
        }
    }
}
