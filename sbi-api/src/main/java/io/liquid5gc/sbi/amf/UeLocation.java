package io.liquid5gc.sbi.amf;

import io.liquid5gc.sbi.common.PlmnId;

/** Where the UE is, from the NGAP User Location Information (TS 38.413 9.3.1.16): TAI, NR cell id (36 bits, hex), gNB. */
public record UeLocation(PlmnId plmn, int tac, String nrCellId, String gnb) {
}
