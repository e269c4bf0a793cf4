package io.liquid5gc.nas;

/**
 * A plain NAS-5GS message: either {@link io.liquid5gc.nas.mm.GmmMessage} (5GMM) or
 * {@link io.liquid5gc.nas.sm.SmMessage} (5GSM). Both are sealed hierarchies of records with an
 * explicit unknown case. (Not sealed itself: the JVM forbids sealing across packages on the class
 * path.)
 */
public interface NasMessage {

    /** Extended protocol discriminator, TS 24.007 11.2.3.1.1A / TS 24.501 9.2. */
    int EPD_5GMM = 0x7E;
    int EPD_5GSM = 0x2E;

    /** The message type octet. */
    int messageTypeCode();
}
