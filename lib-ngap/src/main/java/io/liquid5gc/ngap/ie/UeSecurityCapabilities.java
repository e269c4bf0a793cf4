package io.liquid5gc.ngap.ie;

/**
 * TS 38.413 9.3.1.86 UE Security Capabilities: four 16-bit algorithm bitmaps (bit 15 = first algorithm after
 * the null one, e.g. 128-NEA1 / 128-NIA1).
 */
public record UeSecurityCapabilities(int nrEncryption, int nrIntegrity, int eutraEncryption, int eutraIntegrity) {
    public UeSecurityCapabilities {
        if (((nrEncryption | nrIntegrity | eutraEncryption | eutraIntegrity) & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("algorithm bitmaps are 16 bits");
        }
    }
}
