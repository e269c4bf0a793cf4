package io.liquid5gc.evaluation.deploy;

import io.liquid5gc.sbi.NfType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One NF module (its exec jar runs one always-on NF process, or one unit per function) with its identity towards
 * the NRF: an instance id and a client secret made at random per deployment, as an operator's Secret would hold it.
 */
public record NfModule(String name, List<NfType> nfs, String instanceId, String secret) {

    /** The NF modules that hold the NFs other than the NRF, each with a fresh identity ({@code base} + index). */
    static List<NfModule> all(int base) {
        List<NfModule> all = new ArrayList<>();
        List<java.util.Map.Entry<String, List<NfType>>> modules = List.of(
                java.util.Map.entry("nf-amf", List.of(NfType.AMF)), java.util.Map.entry("nf-smf", List.of(NfType.SMF)),
                java.util.Map.entry("nf-ausf", List.of(NfType.AUSF)), java.util.Map.entry("nf-udm", List.of(NfType.UDM)),
                java.util.Map.entry("nf-udr", List.of(NfType.UDR)), java.util.Map.entry("nf-pcf", List.of(NfType.PCF)),
                java.util.Map.entry("nf-nssf", List.of(NfType.NSSF)),
                java.util.Map.entry("nf-r17", List.of(NfType.CHF, NfType.BSF, NfType.NWDAF, NfType.NSACF)));
        int i = 1;
        for (var m : modules) {
            all.add(new NfModule(m.getKey(), m.getValue(), String.format("00000000-0000-4000-8000-%012d", base + i++),
                    UUID.randomUUID().toString()));
        }
        return List.copyOf(all);
    }

    /** True when every NF of this module is among {@code nfs}. */
    boolean within(List<NfType> nfs) {
        return nfs.containsAll(this.nfs);
    }
}
