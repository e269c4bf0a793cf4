package io.liquid5gc.proxy.ue;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.common.Snssai;

/** Small conversions from the contract's values to NGAP IEs (TS 38.413 9.3). */
final class NgapValues {

    private NgapValues() {
    }

    static SNssai sNssai(Snssai s) {
        return new SNssai(s.sst(), s.sd() == null ? SNssai.NO_SD : Integer.parseInt(s.sd(), 16));
    }

    /**
     * TS 38.413 9.3.1.86: NR encryption and integrity algorithms as 16-bit strings with 128-NEA1 in the first bit; the
     * NAS capability (TS 24.501 9.11.3.54) has EA0 in bit 8, so bits 7..5 (EA1..EA3) move to the top of the string.
     */
    static UeSecurityCapabilities securityCapabilities(UeSecurityCapability caps) {
        return new UeSecurityCapabilities((caps.ea() & 0x70) << 9, (caps.ia() & 0x70) << 9, 0, 0);
    }
}
