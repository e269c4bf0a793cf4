package io.liquid5gc.ngap.aper;

import java.util.Arrays;

/**
 * Bit-level reader for the ALIGNED variant of the Packed Encoding Rules (ITU-T X.691).
 *
 * <p>Every read checks the remaining input first and throws {@link AperException} on truncation; no method
 * allocates more than the remaining input can justify (an octet string of n octets is only allocated after
 * checking that 8n bits remain). Open types narrow the readable window to their contents, so a nested value
 * can never read into its siblings. Not thread-safe; one reader per decode.
 */
public final class AperReader {

    /** X.691 11.9.3.8: the fragment unit of length determinants, 16K. */
    public static final int FRAGMENT_UNIT = 16384;
    /** Largest input accepted, so that bit positions fit an int. */
    public static final int MAX_INPUT_OCTETS = 1 << 27;
    private static final int MAX_OPEN_TYPE_DEPTH = 64;

    private byte[] buf;
    private int pos;
    private int limit;

    // the stack of enclosing open types; grown on demand up to MAX_OPEN_TYPE_DEPTH
    private int[] savedPos = new int[4];
    private int[] savedLimit = new int[4];
    private byte[][] savedBuf = new byte[4][];
    private int depth;
    /** One value the codec above may note during this decode (the first one wins); -1 when none was noted. */
    private int firstNote = -1;

    public AperReader(byte[] input) {
        this(input, 0, input.length);
    }

    public AperReader(byte[] input, int offset, int length) {
        if (offset < 0 || length < 0 || offset > input.length - length) {
            throw new IllegalArgumentException("bad slice");
        }
        if (offset + length > MAX_INPUT_OCTETS) {
            throw new IllegalArgumentException("input larger than " + MAX_INPUT_OCTETS + " octets");
        }
        this.buf = input;
        this.pos = offset * 8;
        this.limit = (offset + length) * 8;
    }

    /** Bits left before the current limit (the end of the input or of the enclosing open type). */
    public int remainingBits() {
        return Math.max(0, limit - pos);
    }

    public int remainingOctets() {
        return remainingBits() >>> 3;
    }

    public boolean isAligned() {
        return (pos & 7) == 0;
    }

    private void need(long bits) {
        if (bits < 0 || bits > limit - pos) {
            throw new AperException("truncated: need " + bits + " bits, " + remainingBits() + " left");
        }
    }

    /** Fails unless at least {@code count} items of at least {@code minBitsPerItem} bits each can still follow. */
    public void checkCount(long count, int minBitsPerItem) {
        if (count < 0 || count * Math.max(1, minBitsPerItem) > remainingBits()) {
            throw new AperException("count " + count + " exceeds what the remaining input can hold");
        }
    }

    public boolean readBit() {
        need(1);
        int b = (buf[pos >>> 3] >>> (7 - (pos & 7))) & 1;
        pos++;
        return b != 0;
    }

    /** Reads {@code n} (0..64) bits as an unsigned big-endian number. */
    public long readBits(int n) {
        if (n > 64) {
            throw new AperException("field wider than 64 bits");
        }
        need(n);
        int p = pos;
        if ((p & 7) == 0 && (n & 7) == 0) {
            long v = 0;
            int i = p >>> 3;
            for (int k = n >>> 3; k > 0; k--) {
                v = (v << 8) | (buf[i++] & 0xFF);
            }
            pos = p + n;
            return v;
        }
        long v = 0;
        while (n > 0) {
            int bitOff = p & 7;
            int avail = 8 - bitOff;
            int take = Math.min(avail, n);
            int bits = ((buf[p >>> 3] & 0xFF) >>> (avail - take)) & ((1 << take) - 1);
            v = (v << take) | bits;
            p += take;
            n -= take;
        }
        pos = p;
        return v;
    }

    /** X.691 3.7.x: advance to the next octet boundary (padding bits are not checked). */
    public void align() {
        pos = (pos + 7) & ~7;
    }

    public void skipBits(int n) {
        need(n);
        pos += n;
    }

    // ---------------------------------------------------------------- integers (X.691 10.5 - 10.8, 13)

    static int bitsFor(long x) {
        return 64 - Long.numberOfLeadingZeros(x);
    }

    static int octetsFor(long x) {
        return Math.max(1, (bitsFor(x) + 7) >>> 3);
    }

    /** X.691 10.5.7 (aligned): constrained whole number in lb..ub. */
    public long readConstrained(long lb, long ub) {
        long span = ub - lb;
        if (span == 0) {
            return lb;
        }
        long v;
        if (span < 255) {
            v = readBits(bitsFor(span));
        } else if (span == 255) {
            align();
            v = readBits(8);
        } else if (span < 65536) {
            align();
            v = readBits(16);
        } else {
            int maxOctets = octetsFor(span);
            int n = (int) readBits(bitsFor(maxOctets - 1)) + 1;
            align();
            v = readBits(8 * n);
        }
        if (v < 0 || v > span) {
            throw new AperException("constrained value " + v + " outside 0.." + span);
        }
        return lb + v;
    }

    public int readConstrainedInt(int lb, int ub) {
        return (int) readConstrained(lb, ub);
    }

    /**
     * X.691 13.2.6 / 13.1: INTEGER (lb..ub, ...). Returns the value; an extension value (outside the root) is
     * read as an unconstrained integer and returned as is, for the caller to judge.
     */
    public long readConstrainedExt(long lb, long ub) {
        if (readBit()) {
            return readUnconstrained();
        }
        return readConstrained(lb, ub);
    }

    /** X.691 10.7: semi-constrained whole number (lb..MAX). */
    public long readSemiConstrained(long lb) {
        int n = readLengthDeterminant();
        if (n < 1 || n > 8) {
            throw new AperException("semi-constrained integer of " + n + " octets");
        }
        long v = readBits(8 * n);
        if (n == 8 && v < 0) {
            throw new AperException("semi-constrained integer too large");
        }
        return lb + v;
    }

    /** X.691 10.8: unconstrained whole number (2's complement). */
    public long readUnconstrained() {
        int n = readLengthDeterminant();
        if (n < 1 || n > 8) {
            throw new AperException("unconstrained integer of " + n + " octets");
        }
        long v = readBits(8 * n);
        int shift = 64 - 8 * n;
        return (v << shift) >> shift;
    }

    /** X.691 10.6: normally small non-negative whole number. */
    public int readNormallySmall() {
        if (!readBit()) {
            return (int) readBits(6);
        }
        long v = readSemiConstrained(0);
        if (v > Integer.MAX_VALUE) {
            throw new AperException("normally small number too large");
        }
        return (int) v;
    }

    /** X.691 11.9.3.4: normally small length (used for extension-addition bitmaps). */
    public int readNormallySmallLength() {
        if (!readBit()) {
            return (int) readBits(6) + 1;
        }
        int n = readLengthDeterminant();
        if (n < 0) {
            throw new AperException("fragmented extension bitmap");
        }
        return n;
    }

    // ---------------------------------------------------------------- lengths (X.691 11.9)

    /**
     * X.691 11.9.3.5 - 11.9.3.8: unconstrained length determinant, octet-aligned. Returns the length, or a
     * negative number {@code -m * 16K} when the next fragment holds m 16K-units (fragmentation).
     */
    public int readLengthDeterminant() {
        align();
        int b = (int) readBits(8);
        if ((b & 0x80) == 0) {
            return b;
        }
        if ((b & 0x40) == 0) {
            return ((b & 0x3F) << 8) | (int) readBits(8);
        }
        int m = b & 0x3F;
        if (m < 1 || m > 4) {
            throw new AperException("bad fragment size " + m);
        }
        return -m * FRAGMENT_UNIT;
    }

    /** X.691 11.9.4.1: length of a size-constrained type whose upper bound is below 64K. */
    public int readConstrainedLength(int lb, int ub) {
        return (int) readConstrained(lb, ub);
    }

    /**
     * SEQUENCE OF / SIZE(lb..ub[, ...]) count (X.691 20.6): extension bit if extensible, then the constrained
     * length; an extension count is read as a semi-constrained length.
     */
    public int readSizeOf(int lb, int ub, boolean extensible, int minBitsPerItem) {
        int n;
        if (extensible && readBit()) {
            n = readLengthDeterminant();
            if (n < 0) {
                throw new AperException("fragmented SEQUENCE OF count");
            }
        } else if (ub < 65536) {
            n = readConstrainedLength(lb, ub);
        } else {
            n = readLengthDeterminant();
            if (n < 0) {
                throw new AperException("fragmented SEQUENCE OF count");
            }
        }
        checkCount(n, minBitsPerItem);
        return n;
    }

    // ---------------------------------------------------------------- enumerations, choices (X.691 14, 23)

    /** Largest extension index accepted for enumerations and choices (keeps rootCount + k far from overflow). */
    private static final int MAX_EXTENSION_INDEX = 1 << 20;

    private int readExtensionIndex() {
        int k = readNormallySmall();
        if (k > MAX_EXTENSION_INDEX) {
            throw new AperException("extension index " + k + " out of range");
        }
        return k;
    }

    /** X.691 14: returns the root index, or rootCount + k for the k-th extension value. */
    public int readEnumerated(int rootCount, boolean extensible) {
        if (extensible && readBit()) {
            return rootCount + readExtensionIndex();
        }
        return (int) readConstrained(0, rootCount - 1L);
    }

    /** X.691 23.6 - 23.8: returns the root index, or rootCount + k for an extension alternative. */
    public int readChoiceIndex(int rootCount, boolean extensible) {
        if (extensible && readBit()) {
            return rootCount + readExtensionIndex();
        }
        return (int) readConstrained(0, rootCount - 1L);
    }

    // ---------------------------------------------------------------- octet strings (X.691 17)

    /**
     * OCTET STRING (SIZE(lb..ub[, ...])); ub &lt; 0 means no upper bound. Fixed sizes of 1 or 2 octets are not
     * aligned, larger ones are (X.691 17.6 - 17.8); lengths of unbounded strings may be fragmented.
     */
    public byte[] readOctetString(int lb, int ub, boolean extensible) {
        if (extensible && readBit()) {
            return readUnboundedOctets();
        }
        if (ub >= 0 && lb == ub && ub < 65536) {
            if (ub == 0) {
                return new byte[0];
            }
            if (ub > 2) {
                align();
            }
            return readOctetsRaw(ub);
        }
        if (ub >= 0 && ub < 65536) {
            int n = readConstrainedLength(lb, ub);
            if (n > 0) {
                align();
            }
            return readOctetsRaw(n);
        }
        byte[] v = readUnboundedOctets();
        if (v.length < lb) {
            throw new AperException("octet string shorter than " + lb);
        }
        return v;
    }

    /** Unconstrained-length octets, reassembling fragments (X.691 11.9.3.8). */
    public byte[] readUnboundedOctets() {
        int n = readLengthDeterminant();
        if (n >= 0) {
            align();
            return readOctetsRaw(n);
        }
        byte[] acc = new byte[0];
        int total = 0;
        while (true) {
            int chunk = n < 0 ? -n : n;
            need(8L * chunk);
            if (acc.length < total + chunk) {
                acc = Arrays.copyOf(acc, total + chunk);
            }
            System.arraycopy(buf, pos >>> 3, acc, total, chunk);
            pos += 8 * chunk;
            total += chunk;
            if (n >= 0) {
                break;
            }
            n = readLengthDeterminant();
        }
        return total == acc.length ? acc : Arrays.copyOf(acc, total);
    }

    /** n octets from the current (not necessarily aligned) position. */
    public byte[] readOctetsRaw(int n) {
        need(8L * n);
        byte[] out = new byte[n];
        if ((pos & 7) == 0) {
            System.arraycopy(buf, pos >>> 3, out, 0, n);
            pos += 8 * n;
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = (byte) readBits(8);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- bit strings (X.691 16)

    /** BIT STRING (SIZE(n)) with n &lt;= 64, as a number: unaligned up to 16 bits, aligned above (16.9, 16.10). */
    public long readFixedBitString(int n) {
        if (n > 16) {
            align();
        }
        return readBits(n);
    }

    /**
     * The bit length of BIT STRING (SIZE(lb..ub[, ...])) — reads the extension bit and the length, and aligns
     * (X.691 16.11); the caller then reads the bits with {@link #readBitStringContents(int)}.
     */
    public int readBitStringLength(int lb, int ub, boolean extensible) {
        int n;
        if (extensible && readBit()) {
            n = readLengthDeterminant();
            if (n < 0) {
                throw new AperException("fragmented bit string");
            }
        } else if (lb == ub && ub < 65536) {
            n = ub;
            if (n > 16) {
                align();
            }
            return n;
        } else {
            n = readConstrainedLength(lb, ub);
        }
        if (n > 0) {
            align();
        }
        return n;
    }

    /** n bits, left-aligned into ceil(n/8) octets (trailing bits zero). */
    public byte[] readBitStringContents(int n) {
        need(n);
        byte[] out = new byte[(n + 7) >>> 3];
        int full = n >>> 3;
        for (int i = 0; i < full; i++) {
            out[i] = (byte) readBits(8);
        }
        int rest = n & 7;
        if (rest != 0) {
            out[full] = (byte) (readBits(rest) << (8 - rest));
        }
        return out;
    }

    // ---------------------------------------------------------------- character strings (X.691 27)

    /**
     * Known-multiplier character string (PrintableString, VisibleString, IA5String) with SIZE(lb..ub[, ...]):
     * in the ALIGNED variant each character takes 8 bits (27.5.4: 7 rounded up to a power of two), and the
     * characters are octet-aligned unless the string is fixed-size and at most 16 bits long (27.5.7).
     */
    public String readKnownMultiplierString(int lb, int ub, boolean extensible) {
        int n;
        if (extensible && readBit()) {
            n = readLengthDeterminant();
            if (n < 0) {
                throw new AperException("fragmented character string");
            }
            align();
        } else if (lb == ub) {
            n = ub;
            if (n > 2) {
                align();
            }
        } else {
            n = readConstrainedLength(lb, ub);
            if (n > 0) {
                align();
            }
        }
        need(8L * n);
        char[] cs = new char[n];
        for (int i = 0; i < n; i++) {
            int c = (int) readBits(8);
            if (c > 0x7E || c < 0x20) {
                throw new AperException("character 0x" + Integer.toHexString(c) + " outside the alphabet");
            }
            cs[i] = (char) c;
        }
        return new String(cs);
    }

    // ---------------------------------------------------------------- open types (X.691 10.2, 11.2)

    /**
     * X.691 10.2 / 11.2: start an open type. Reads its length and narrows the readable window to its contents
     * (reassembling a fragmented encoding into a private buffer). Pair with {@link #endOpenType()}.
     * Returns the length in octets of the contents.
     */
    public int beginOpenType() {
        if (depth == savedPos.length) {
            if (depth == MAX_OPEN_TYPE_DEPTH) {
                throw new AperException("open types nested too deeply");
            }
            savedPos = Arrays.copyOf(savedPos, depth * 2);
            savedLimit = Arrays.copyOf(savedLimit, depth * 2);
            savedBuf = Arrays.copyOf(savedBuf, depth * 2);
        }
        int n = readLengthDeterminant();
        if (n == 0) { // X.691 10.2.2: an open type holds a complete encoding, at least one octet
            throw new AperException("empty open type");
        }
        if (n > 0) {
            need(8L * n);
            int end = pos + 8 * n;
            savedBuf[depth] = buf;
            savedPos[depth] = end;
            savedLimit[depth] = limit;
            depth++;
            limit = end;
            return n;
        }
        pos -= 8; // re-read the first fragment header in readUnboundedOctets
        byte[] whole = readUnboundedOctets();
        savedBuf[depth] = buf;
        savedPos[depth] = pos;
        savedLimit[depth] = limit;
        depth++;
        buf = whole;
        pos = 0;
        limit = whole.length * 8;
        return whole.length;
    }

    /** Leaves the current open type, skipping whatever of its contents was not read. */
    public void endOpenType() {
        if (depth == 0) {
            throw new IllegalStateException("no open type");
        }
        depth--;
        buf = savedBuf[depth];
        savedBuf[depth] = null;
        pos = savedPos[depth];
        limit = savedLimit[depth];
    }

    /** The contents of an open type, as octets (never empty, X.691 10.2.2). */
    public byte[] readOpenTypeBytes() {
        byte[] b = readUnboundedOctets();
        if (b.length == 0) {
            throw new AperException("empty open type");
        }
        return b;
    }

    /** All whole octets left before the current limit (e.g. the rest of an open type), after aligning. */
    public byte[] readRemainingOctets() {
        align();
        return readOctetsRaw(Math.max(0, limit - pos) >>> 3);
    }

    /** Skips an open type without interpreting it. */
    public void skipOpenType() {
        int n = readLengthDeterminant();
        if (n == 0) {
            throw new AperException("empty open type");
        }
        if (n > 0) {
            skipBits(8 * n);
            return;
        }
        while (true) {
            int chunk = n < 0 ? -n : n;
            skipBits(8 * chunk);
            if (n >= 0) {
                return;
            }
            n = readLengthDeterminant();
        }
    }

    // ---------------------------------------------------------------- SEQUENCE extensions (X.691 19.7 - 19.9)

    /**
     * Called after the root components of a SEQUENCE whose extension bit was set: reads the extension-addition
     * bitmap and skips every present addition as an open type (X.691 19.9); unknown additions never break decoding.
     */
    public void skipExtensionAdditions() {
        int n = readNormallySmallLength();
        need(n);
        int bitmapStart = pos;
        pos += n;
        for (int i = 0; i < n; i++) {
            int p = bitmapStart + i;
            if (((buf[p >>> 3] >>> (7 - (p & 7))) & 1) != 0) {
                skipOpenType();
            }
        }
    }

    /**
     * Notes {@code value} for the codec above this reader unless one was noted already in this decode (lib-ngap notes
     * the id of the first IE extension with criticality reject, TS 38.413 10.3.4.2). Not ASN.1: a per-decode slot, so
     * the codec learns it without walking the decoded value.
     */
    public void noteFirst(int value) {
        if (firstNote < 0) {
            firstNote = value;
        }
    }

    /** The value {@link #noteFirst} kept, or -1. */
    public int firstNote() {
        return firstNote;
    }
}
