package io.liquid5gc.ngap.aper;

import java.util.Arrays;

/**
 * Bit-level writer for the ALIGNED variant of the Packed Encoding Rules (ITU-T X.691). Reusable: call
 * {@link #reset()} between messages to encode without allocating. Values outside their constraints are
 * programming errors and throw {@link IllegalArgumentException}. Not thread-safe.
 */
public final class AperWriter {

    private byte[] buf;
    private int pos; // bit position; every bit at or beyond pos is zero

    public AperWriter() {
        this(256);
    }

    public AperWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public void reset() {
        Arrays.fill(buf, 0, Math.min(buf.length, (pos + 7) >>> 3), (byte) 0);
        pos = 0;
    }

    /** Octets written so far (a partial last octet counts, padded with zeros). */
    public int length() {
        return (pos + 7) >>> 3;
    }

    public int bitPosition() {
        return pos;
    }

    /** The internal buffer; valid up to {@link #length()}. */
    public byte[] buffer() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, length());
    }

    private void ensure(long bits) {
        long needBytes = (pos + bits + 7) >>> 3;
        if (needBytes > buf.length) {
            if (needBytes > AperReader.MAX_INPUT_OCTETS) {
                throw new IllegalArgumentException("encoding too large");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needBytes, 2L * buf.length));
        }
    }

    public void writeBit(boolean b) {
        ensure(1);
        if (b) {
            buf[pos >>> 3] |= (byte) (0x80 >>> (pos & 7));
        }
        pos++;
    }

    /** The low {@code n} (0..64) bits of v, most significant first. */
    public void writeBits(long v, int n) {
        ensure(n);
        int p = pos;
        if ((p & 7) == 0 && (n & 7) == 0) {
            int i = p >>> 3;
            for (int k = n - 8; k >= 0; k -= 8) {
                buf[i++] = (byte) (v >>> k);
            }
            pos = p + n;
            return;
        }
        while (n > 0) {
            int avail = 8 - (p & 7);
            int take = Math.min(avail, n);
            int bits = (int) (v >>> (n - take)) & ((1 << take) - 1);
            buf[p >>> 3] |= (byte) (bits << (avail - take));
            p += take;
            n -= take;
        }
        pos = p;
    }

    public void align() {
        pos = (pos + 7) & ~7;
        ensure(0);
    }

    // ---------------------------------------------------------------- integers

    /** X.691 10.5.7 (aligned): constrained whole number. */
    public void writeConstrained(long v, long lb, long ub) {
        if (v < lb || v > ub) {
            throw new IllegalArgumentException("value " + v + " outside " + lb + ".." + ub);
        }
        long span = ub - lb;
        long x = v - lb;
        if (span == 0) {
            return;
        }
        if (span < 255) {
            writeBits(x, AperReader.bitsFor(span));
        } else if (span == 255) {
            align();
            writeBits(x, 8);
        } else if (span < 65536) {
            align();
            writeBits(x, 16);
        } else {
            int maxOctets = AperReader.octetsFor(span);
            int n = AperReader.octetsFor(x);
            writeBits(n - 1, AperReader.bitsFor(maxOctets - 1));
            align();
            writeBits(x, 8 * n);
        }
    }

    /** INTEGER (lb..ub, ...) with a root value (X.691 13.2.6): extension bit 0, then the constrained number. */
    public void writeConstrainedExt(long v, long lb, long ub) {
        if (v >= lb && v <= ub) {
            writeBit(false);
            writeConstrained(v, lb, ub);
        } else {
            writeBit(true);
            writeUnconstrained(v);
        }
    }

    /** X.691 10.7: semi-constrained whole number. */
    public void writeSemiConstrained(long v, long lb) {
        if (v < lb) {
            throw new IllegalArgumentException("value below " + lb);
        }
        long x = v - lb;
        int n = AperReader.octetsFor(x);
        writeLengthDeterminant(n);
        writeBits(x, 8 * n);
    }

    /** X.691 10.8: unconstrained whole number (minimal 2's complement octets). */
    public void writeUnconstrained(long v) {
        int n = 1;
        while (n < 8 && (v < -(1L << (8 * n - 1)) || v >= (1L << (8 * n - 1)))) {
            n++;
        }
        writeLengthDeterminant(n);
        writeBits(v, 8 * n);
    }

    /** X.691 10.6: normally small non-negative whole number. */
    public void writeNormallySmall(int v) {
        if (v < 64) {
            writeBit(false);
            writeBits(v, 6);
        } else {
            writeBit(true);
            writeSemiConstrained(v, 0);
        }
    }

    // ---------------------------------------------------------------- lengths

    /** X.691 11.9.3.6 / 11.9.3.7: unconstrained length below 16K, octet-aligned. */
    public void writeLengthDeterminant(int n) {
        align();
        if (n < 0 || n >= AperReader.FRAGMENT_UNIT) {
            throw new IllegalArgumentException("length " + n + " needs fragmentation");
        }
        if (n < 128) {
            writeBits(n, 8);
        } else {
            writeBits(0x8000 | n, 16);
        }
    }

    /** SEQUENCE OF count with SIZE(lb..ub[, ...]) (X.691 20.6). */
    public void writeSizeOf(int n, int lb, int ub, boolean extensible) {
        if (extensible) {
            writeBit(false);
        }
        if (ub < 65536) {
            writeConstrained(n, lb, ub);
        } else {
            writeLengthDeterminant(n);
        }
    }

    // ---------------------------------------------------------------- enumerations, choices

    /** X.691 14: index &lt; rootCount is a root value; rootCount + k the k-th extension value. */
    public void writeEnumerated(int index, int rootCount, boolean extensible) {
        if (index >= rootCount) {
            if (!extensible) {
                throw new IllegalArgumentException("enumeration index " + index + " outside the root");
            }
            writeBit(true);
            writeNormallySmall(index - rootCount);
            return;
        }
        if (extensible) {
            writeBit(false);
        }
        writeConstrained(index, 0, rootCount - 1L);
    }

    /** X.691 23: choice index of a root alternative. */
    public void writeChoiceIndex(int index, int rootCount, boolean extensible) {
        if (extensible) {
            writeBit(false);
        }
        writeConstrained(index, 0, rootCount - 1L);
    }

    // ---------------------------------------------------------------- octet strings

    /** OCTET STRING (SIZE(lb..ub[, ...])), ub &lt; 0 = unbounded (X.691 17). */
    public void writeOctetString(byte[] v, int lb, int ub, boolean extensible) {
        int n = v.length;
        boolean inRoot = n >= lb && (ub < 0 || n <= ub);
        if (extensible) {
            writeBit(!inRoot);
            if (!inRoot) {
                writeUnboundedOctets(v, 0, n);
                return;
            }
        } else if (!inRoot) {
            throw new IllegalArgumentException("octet string of " + n + " outside SIZE(" + lb + ".." + ub + ")");
        }
        if (ub >= 0 && lb == ub && ub < 65536) {
            if (ub > 2) {
                align();
            }
            writeOctetsRaw(v, 0, n);
        } else if (ub >= 0 && ub < 65536) {
            writeConstrained(n, lb, ub);
            if (n > 0) {
                align();
            }
            writeOctetsRaw(v, 0, n);
        } else {
            writeUnboundedOctets(v, 0, n);
        }
    }

    /** Unconstrained-length octets, fragmented in 64K/48K/32K/16K blocks when long (X.691 11.9.3.8). */
    public void writeUnboundedOctets(byte[] v, int off, int n) {
        int done = 0;
        while (n - done >= AperReader.FRAGMENT_UNIT) {
            int m = Math.min(4, (n - done) / AperReader.FRAGMENT_UNIT);
            align();
            writeBits(0xC0 | m, 8);
            int chunk = m * AperReader.FRAGMENT_UNIT;
            writeOctetsRaw(v, off + done, chunk);
            done += chunk;
        }
        writeLengthDeterminant(n - done);
        writeOctetsRaw(v, off + done, n - done);
    }

    public void writeOctetsRaw(byte[] v, int off, int n) {
        ensure(8L * n);
        if ((pos & 7) == 0) {
            System.arraycopy(v, off, buf, pos >>> 3, n);
            pos += 8 * n;
        } else {
            for (int i = 0; i < n; i++) {
                writeBits(v[off + i] & 0xFF, 8);
            }
        }
    }

    // ---------------------------------------------------------------- bit strings

    /** BIT STRING (SIZE(n)), n &lt;= 64, from a number (X.691 16.9, 16.10). */
    public void writeFixedBitString(long v, int n) {
        if (n < 64 && (v >>> n) != 0) {
            throw new IllegalArgumentException("value wider than " + n + " bits");
        }
        if (n > 16) {
            align();
        }
        writeBits(v, n);
    }

    /** BIT STRING (SIZE(lb..ub[, ...])) from left-aligned octets (X.691 16.11). */
    public void writeBitString(byte[] bits, int nbits, int lb, int ub, boolean extensible) {
        if (nbits > bits.length * 8) {
            throw new IllegalArgumentException("bit length beyond the octets");
        }
        boolean inRoot = nbits >= lb && nbits <= ub;
        if (extensible) {
            writeBit(!inRoot);
            if (!inRoot) {
                writeLengthDeterminant(nbits);
                align();
                writeBitsFrom(bits, nbits);
                return;
            }
        } else if (!inRoot) {
            throw new IllegalArgumentException("bit string of " + nbits + " outside SIZE(" + lb + ".." + ub + ")");
        }
        if (lb == ub) {
            if (nbits > 16) {
                align();
            }
        } else {
            writeConstrained(nbits, lb, ub);
            if (nbits > 0) {
                align();
            }
        }
        writeBitsFrom(bits, nbits);
    }

    private void writeBitsFrom(byte[] bits, int nbits) {
        int full = nbits >>> 3;
        for (int i = 0; i < full; i++) {
            writeBits(bits[i] & 0xFF, 8);
        }
        int rest = nbits & 7;
        if (rest != 0) {
            writeBits((bits[full] & 0xFF) >>> (8 - rest), rest);
        }
    }

    // ---------------------------------------------------------------- character strings

    /** Known-multiplier character string, 8 bits per character in the ALIGNED variant (X.691 27.5). */
    public void writeKnownMultiplierString(String s, int lb, int ub, boolean extensible) {
        int n = s.length();
        boolean inRoot = n >= lb && n <= ub;
        if (extensible) {
            writeBit(!inRoot);
            if (!inRoot) {
                writeLengthDeterminant(n);
                align();
                writeChars(s);
                return;
            }
        } else if (!inRoot) {
            throw new IllegalArgumentException("string of " + n + " outside SIZE(" + lb + ".." + ub + ")");
        }
        if (lb == ub) {
            if (n > 2) {
                align();
            }
        } else {
            writeConstrained(n, lb, ub);
            if (n > 0) {
                align();
            }
        }
        writeChars(s);
    }

    private void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("character outside the alphabet: " + (int) c);
            }
            writeBits(c, 8);
        }
    }

    // ---------------------------------------------------------------- open types

    /**
     * X.691 10.2: starts an open type. The contents are written in place after a two-octet length placeholder;
     * {@link #endOpenType(int)} fixes the length (moving the contents by one octet for short ones).
     */
    public int beginOpenType() {
        align();
        ensure(16);
        int mark = pos >>> 3;
        pos += 16;
        return mark;
    }

    public void endOpenType(int mark) {
        align();
        int start = mark + 2;
        int end = pos >>> 3;
        int len = end - start;
        if (len == 0) { // X.691 10.2.2 / 11.1: an empty encoding is replaced by one zero octet
            writeBits(0, 8);
            len = 1;
            end++;
        }
        if (len < 128) {
            System.arraycopy(buf, start, buf, mark + 1, len);
            buf[mark] = (byte) len;
            buf[end - 1] = 0;
            pos = (end - 1) * 8;
        } else if (len < AperReader.FRAGMENT_UNIT) {
            buf[mark] = (byte) (0x80 | (len >>> 8));
            buf[mark + 1] = (byte) len;
        } else {
            byte[] contents = Arrays.copyOfRange(buf, start, end);
            Arrays.fill(buf, mark, end, (byte) 0);
            pos = mark * 8;
            writeUnboundedOctets(contents, 0, contents.length);
        }
    }

    /** Writes already-encoded open-type contents. */
    public void writeOpenType(byte[] contents) {
        writeUnboundedOctets(contents, 0, contents.length);
    }

    /** Reserves a 16-bit aligned field (e.g. a container count) to be filled by {@link #patch16(int, int)}. */
    public int reserve16() {
        align();
        ensure(16);
        int mark = pos >>> 3;
        pos += 16;
        return mark;
    }

    public void patch16(int mark, int value) {
        buf[mark] = (byte) (value >>> 8);
        buf[mark + 1] = (byte) value;
    }
}
