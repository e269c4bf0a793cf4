package io.liquid5gc.security.nas;

import java.util.Objects;

/**
 * One end of a NAS security context in use (TS 24.501 4.4.2, 4.4.3): the negotiated algorithms and keys
 * ({@link NasProtection}), the NAS COUNT of the next message this end sends and the NAS COUNT of the last message it
 * accepted. The network end sends downlink and receives uplink; the UE end the other way round. It protects outgoing
 * messages with the next COUNT, estimates the COUNT of a received sequence number (TS 24.501 4.4.3.1), rejects a
 * replayed COUNT and checks and deciphers what it receives (TS 24.501 4.4.4, 4.4.5; TS 33.501 6.4.3).
 *
 * <p>It knows nothing of the NAS message format: the caller gives the sequence number, the MAC input (sequence
 * number octet and message, TS 24.501 4.4.3.3) and the MAC, and puts the result in the security protected header.
 * Not thread-safe: used from the one task that serialises the UE's messages.
 */
public final class NasSecurityAssociation {

    private final NasProtection protection;
    private final Direction sending;
    private int sendCount;
    private long lastReceivedCount;

    private NasSecurityAssociation(NasProtection protection, Direction sending, int sendCount, long lastReceivedCount) {
        this.protection = Objects.requireNonNull(protection);
        this.sending = sending;
        this.sendCount = sendCount;
        this.lastReceivedCount = lastReceivedCount;
    }

    /** The network's end (AMF, TS 33.501 6.4): sends downlink, receives uplink; COUNTs from zero. */
    public static NasSecurityAssociation network(NasProtection protection) {
        return new NasSecurityAssociation(protection, Direction.DOWNLINK, 0, -1);
    }

    /** The network's end with COUNTs carried over (a context kept in CM-IDLE or at another replica, TS 24.501 4.4.2.1). */
    public static NasSecurityAssociation network(NasProtection protection, int downlinkCount, long lastUplinkCount) {
        return new NasSecurityAssociation(protection, Direction.DOWNLINK, downlinkCount, lastUplinkCount);
    }

    /** The UE's end: sends uplink, receives downlink; COUNTs from zero (a new context, TS 24.501 4.4.2.3). */
    public static NasSecurityAssociation ue(NasProtection protection) {
        return new NasSecurityAssociation(protection, Direction.UPLINK, 0, -1);
    }

    public NasProtection protection() {
        return protection;
    }

    /** The NAS COUNT the next message sent gets. */
    public int sendCount() {
        return sendCount;
    }

    /** The NAS COUNT of the last message received and accepted, -1 before the first. */
    public long lastReceivedCount() {
        return lastReceivedCount;
    }

    /** What {@link #protect} made: the NAS COUNT used and the NAS-MAC (4 octets). */
    public record Protected(int count, byte[] mac) {
        /** The sequence number sent in the header: the 8 low bits of the COUNT (TS 24.501 9.10). */
        public int sequenceNumber() {
            return count & 0xFF;
        }
    }

    /**
     * Protects a message for sending with the next NAS COUNT, which then steps: ciphers {@code message} in place when
     * {@code cipher} is set and computes the NAS-MAC over the sequence number and the message as sent (TS 24.501 4.4.3.3).
     */
    public Protected protect(byte[] message, boolean cipher) {
        int count = sendCount++;
        return new Protected(count, protection.protect(count, sending, message, cipher));
    }

    /**
     * The NAS COUNT of a received sequence number (TS 24.501 4.4.3.1): the overflow counter steps when the sequence
     * number wraps below the last one accepted.
     */
    public long estimateReceiveCount(int sequenceNumber) {
        if (lastReceivedCount < 0) {
            return sequenceNumber;
        }
        long overflow = lastReceivedCount >>> 8;
        int lastSqn = (int) (lastReceivedCount & 0xFF);
        if (sequenceNumber < lastSqn) {
            overflow++;
        }
        return (overflow << 8) | sequenceNumber;
    }

    /** What {@link #unprotect} found. */
    public sealed interface Unprotected {
        /** The estimated NAS COUNT of the message. */
        long count();
    }

    /** Integrity verified, deciphered when it was ciphered; its COUNT is now the last accepted. */
    public record Accepted(long count, byte[] message) implements Unprotected {
    }

    /** A COUNT not above the last accepted one (TS 24.501 4.4.3.2: replay protection); nothing was changed. */
    public record Replayed(long count, long lastAccepted) implements Unprotected {
    }

    /** The NAS-MAC does not verify (TS 24.501 4.4.4.3); nothing was changed. */
    public record IntegrityFailure(long count) implements Unprotected {
    }

    /**
     * Checks a received security protected message: COUNT estimation, replay check, integrity check and, when
     * {@code ciphered}, deciphering of a copy of {@code payload} (the message after the sequence number).
     *
     * @param macInput the sequence number octet followed by the (possibly ciphered) message (TS 24.501 4.4.3.3)
     */
    public Unprotected unprotect(int sequenceNumber, byte[] macInput, byte[] mac, byte[] payload, boolean ciphered) {
        long count = estimateReceiveCount(sequenceNumber);
        if (count <= lastReceivedCount) {
            return new Replayed(count, lastReceivedCount);
        }
        Direction receiving = sending == Direction.DOWNLINK ? Direction.UPLINK : Direction.DOWNLINK;
        if (!protection.verify((int) count, receiving, macInput, 0, macInput.length, mac, 0)) {
            return new IntegrityFailure(count);
        }
        byte[] message = payload.clone();
        if (ciphered) {
            protection.cipher((int) count, receiving, message, 0, message.length);
        }
        lastReceivedCount = count;
        return new Accepted(count, message);
    }

    @Override
    public String toString() {
        return "NasSecurityAssociation[" + protection + ", sends " + sending + " COUNT " + sendCount + ", last received " + lastReceivedCount + "]";
    }
}
