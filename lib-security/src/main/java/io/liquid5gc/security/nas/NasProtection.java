package io.liquid5gc.security.nas;

import io.liquid5gc.security.Bytes;
import io.liquid5gc.security.snow3g.Uea2;
import io.liquid5gc.security.snow3g.Uia2;
import io.liquid5gc.security.zuc.Eea3;
import io.liquid5gc.security.zuc.Eia3;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;

/**
 * The negotiated NAS algorithms bound to KNASenc/KNASint (TS 33.501 6.4.3, 6.7.2), for a per-UE NAS security
 * context in the N1 termination: AES key schedules and CMAC subkeys are computed once, not per message.
 * Same results as {@link NasSecurity}. Not thread-safe: use it from the one task that serialises the UE's
 * messages (or create one per message). {@link #toString()} shows the algorithms only.
 */
public final class NasProtection {
    private final CipheringAlgorithm nea;
    private final IntegrityAlgorithm nia;
    private final byte[] encKey;
    private final byte[] intKey;
    private final int bearer;
    private final AesCmac cmac;
    private final BlockCipher aesCtr;

    public NasProtection(CipheringAlgorithm nea, byte[] kNasEnc, IntegrityAlgorithm nia, byte[] kNasInt) {
        this(nea, kNasEnc, nia, kNasInt, NasSecurity.BEARER_3GPP);
    }

    /** @param bearer BEARER, {@link NasSecurity#BEARER_3GPP} (1) or {@link NasSecurity#BEARER_NON_3GPP} (2) (TS 33.501 6.4.3.1) */
    public NasProtection(CipheringAlgorithm nea, byte[] kNasEnc, IntegrityAlgorithm nia, byte[] kNasInt, int bearer) {
        this.nea = Objects.requireNonNull(nea);
        this.nia = Objects.requireNonNull(nia);
        this.encKey = Bytes.requireLength(kNasEnc, 16, "KNASenc").clone();
        this.intKey = Bytes.requireLength(kNasInt, 16, "KNASint").clone();
        this.bearer = bearer;
        this.cmac = nia == IntegrityAlgorithm.NIA2 ? new AesCmac(intKey) : null;
        this.aesCtr = nea == CipheringAlgorithm.NEA2 ? Nea2.keyed(encKey) : null;
    }

    public CipheringAlgorithm cipheringAlgorithm() {
        return nea;
    }

    public IntegrityAlgorithm integrityAlgorithm() {
        return nia;
    }

    /** NAS-MAC over {@code len} octets (the sequence number octet and the plain NAS message, TS 24.501 4.4.3.3). */
    public int mac(int count, Direction direction, byte[] msg, int off, int len) {
        Objects.checkFromIndexSize(off, len, msg.length);
        long bits = len * 8L;
        int dir = direction.bit();
        return switch (nia) {
            case NIA0 -> 0;
            case NIA1 -> Uia2.f9(intKey, count, (bearer & 0x1f) << 27, dir, msg, off, bits);
            case NIA2 -> Nia2.mac(cmac, count, bearer, dir, msg, off, bits);
            case NIA3 -> Eia3.mac(intKey, count, bearer, dir, msg, off, bits);
        };
    }

    /** Constant-time check of a received NAS-MAC; true with NIA0 (the caller decides whether NIA0 is allowed). */
    public boolean verify(int count, Direction direction, byte[] msg, int off, int len, byte[] receivedMac, int macOff) {
        if (nia == IntegrityAlgorithm.NIA0) {
            return true;
        }
        byte[] expected = new byte[NasSecurity.MAC_LENGTH];
        Bytes.putInt(expected, 0, mac(count, direction, msg, off, len));
        return Bytes.constantTimeEquals(expected, 0, receivedMac, macOff, NasSecurity.MAC_LENGTH);
    }

    /**
     * Protects a NAS message for sending (TS 24.501 4.4.3.3, 4.4.5): ciphers {@code message} in place when
     * {@code cipher} is set, then returns the NAS-MAC (4 octets) over the sequence number (the 8 low bits of
     * {@code count}) followed by the message as sent. The caller puts both in the security protected header.
     */
    public byte[] protect(int count, Direction direction, byte[] message, boolean cipher) {
        if (cipher) {
            cipher(count, direction, message, 0, message.length);
        }
        byte[] macInput = new byte[message.length + 1];
        macInput[0] = (byte) count;
        System.arraycopy(message, 0, macInput, 1, message.length);
        byte[] out = new byte[NasSecurity.MAC_LENGTH];
        Bytes.putInt(out, 0, mac(count, direction, macInput, 0, macInput.length));
        return out;
    }

    /** Ciphers or deciphers in place. */
    public void cipher(int count, Direction direction, byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        long bits = len * 8L;
        int dir = direction.bit();
        switch (nea) {
            case NEA0 -> {
                // null ciphering
            }
            case NEA1 -> Uea2.f8(encKey, count, bearer, dir, data, off, bits);
            case NEA2 -> Nea2.crypt(aesCtr, count, bearer, dir, data, off, bits);
            case NEA3 -> Eea3.crypt(encKey, count, bearer, dir, data, off, bits);
        }
    }

    @Override
    public String toString() {
        return "NasProtection[" + nea + ", " + nia + ", bearer " + bearer + "]";
    }
}
