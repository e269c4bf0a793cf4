package io.liquid5gc.sbi.amf;

/**
 * The 5G NAS security context of a UE (TS 33.501 6.7, TS 24.501 4.4.2) as the AMF establishes it at security mode
 * control: ngKSI, KAMF (hex) and the selected algorithms. The AMF writes it to the state store under
 * {@link AmfStoreKeys#nasSecurity(String)}; the proxy, which terminates N1 for the AMF, reads it to derive the NAS keys and
 * KgNB. It is never sent over the SBI. KAMF is redacted from {@link #toString()}.
 */
public record NasSecurityContext(int ngKsi, String kamf, int cipheringAlgorithm, int integrityAlgorithm) {

    @Override
    public String toString() {
        return "NasSecurityContext[ngKSI=" + ngKsi + ", NEA" + cipheringAlgorithm + ", NIA" + integrityAlgorithm + ", kamf=***]";
    }
}
