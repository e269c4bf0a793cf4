package io.liquid5gc.sbi.nrf;

import java.util.List;

/** SearchResult (TS 29.510 6.2.6.2.2): the matching profiles and how long the caller may cache them. */
public record NfDiscoveryResult(int validityPeriod, List<NfProfile> nfInstances) {

    public NfDiscoveryResult {
        nfInstances = nfInstances == null ? List.of() : List.copyOf(nfInstances);
    }
}
