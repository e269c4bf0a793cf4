package io.liquid5gc.ngap.aper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X.691 (ALIGNED) encodings checked bit for bit; expected values worked out from the clauses cited. */
class AperRoundTripTest {

    private static String hex(AperWriter w) {
        return HexFormat.of().formatHex(w.toByteArray());
    }

    private static AperReader reader(String hex) {
        return new AperReader(HexFormat.of().parseHex(hex));
    }

    @ParameterizedTest(name = "{0} in {1}..{2} -> {3}")
    @CsvSource({
            // 10.5.7.2: range <= 255 -> minimal bit-field, not aligned
            "3, 0, 7, 60",            // 011 + padding
            "5, 1, 256, 04",          // range 256 -> one aligned octet (10.5.7.2), value 4
            "300, 0, 65535, 012c",    // range 64K -> two aligned octets (10.5.7.3)
            "4294967280, 0, 4294967295, c0fffffff0",   // RAN-UE-NGAP-ID: 2-bit length (4 octets -> 3), aligned
            "4294967297, 0, 1099511627775, 800100000001", // AMF-UE-NGAP-ID: 3-bit length (5 octets -> 4)
            "0, 0, 1099511627775, 0000",
    })
    void whenConstrainedWholeNumberWritten_thenMatchesX691(long v, long lb, long ub, String expected) {
        AperWriter w = new AperWriter();
        w.writeConstrained(v, lb, ub);
        assertThat(hex(w)).isEqualTo(expected);
        assertThat(reader(expected).readConstrained(lb, ub)).isEqualTo(v);
    }

    @Test
    void whenValueOutsideRange_thenReaderRejectsIt() {
        // range 0..2 in 2 bits: value 3 is not allowed
        assertThatThrownBy(() -> reader("c0").readConstrained(0, 2)).isInstanceOf(AperException.class);
    }

    @Test
    void whenLengthDeterminantsWritten_thenShortLongAndFragmentedFormsRoundTrip() {
        for (int n : new int[] {0, 1, 127, 128, 16383, 16384, 16385, 65536, 65537, 100_000, 200_000}) {
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = (byte) (i * 31);
            }
            AperWriter w = new AperWriter();
            w.writeBit(true); // misalign first
            w.writeUnboundedOctets(data, 0, n);
            byte[] enc = w.toByteArray();
            if (n == 127) {
                assertThat(enc[1]).isEqualTo((byte) 127);
            } else if (n == 128) {
                assertThat(enc[1] & 0xFF).isEqualTo(0x80);
                assertThat(enc[2] & 0xFF).isEqualTo(0x80);
            } else if (n == 16384) { // 11.9.3.8: one 16K fragment (0xC1) then a zero length
                assertThat(enc[1] & 0xFF).isEqualTo(0xC1);
                assertThat(enc[2 + 16384]).isZero();
            } else if (n == 65537) { // a 64K fragment (0xC4), then length 1
                assertThat(enc[1] & 0xFF).isEqualTo(0xC4);
                assertThat(enc[2 + 65536]).isEqualTo((byte) 1);
            }
            AperReader r = new AperReader(enc);
            assertThat(r.readBit()).isTrue();
            assertThat(r.readUnboundedOctets()).isEqualTo(data);
        }
    }

    @Test
    void whenOpenTypeOfAnySizeWritten_thenLengthIsBackpatchedAndContentsReadable() {
        for (int n : new int[] {0, 1, 127, 128, 300, 16383, 16384, 40_000}) {
            AperWriter w = new AperWriter(16);
            w.writeBits(0b101, 3);
            int mark = w.beginOpenType();
            for (int i = 0; i < n; i++) {
                w.writeBits(i & 0xFF, 8);
            }
            w.endOpenType(mark);
            w.writeBits(0xA5, 8);
            AperReader r = new AperReader(w.toByteArray());
            assertThat(r.readBits(3)).isEqualTo(0b101);
            int len = r.beginOpenType();
            assertThat(len).isEqualTo(Math.max(1, n)); // 10.2: an empty encoding becomes one zero octet
            for (int i = 0; i < n; i++) {
                assertThat(r.readBits(8)).isEqualTo(i & 0xFF);
            }
            r.endOpenType();
            assertThat(r.readBits(8)).isEqualTo(0xA5);
        }
    }

    @Test
    void whenOpenTypeContentsAreReadPartially_thenEndSkipsToTheNextField() {
        AperReader r = reader("03aabbcc7f");
        r.beginOpenType();
        assertThat(r.readBits(4)).isEqualTo(0xA);
        r.endOpenType();
        assertThat(r.readBits(8)).isEqualTo(0x7F);
    }

    @Test
    void whenOpenTypeIsNested_thenInnerReadsCannotPassTheOuterLimit() {
        AperReader r = reader("02050000"); // outer length 2 claims an inner of length 5
        r.beginOpenType();
        assertThatThrownBy(r::beginOpenType).isInstanceOf(AperException.class);
    }

    @Test
    void whenBitStringsWritten_thenFixedShortOnesAreUnalignedAndLongOnesAligned() {
        AperWriter w = new AperWriter();
        w.writeBit(true);
        w.writeFixedBitString(0x3F8, 10);   // 16.9: <= 16 bits, not aligned
        w.writeFixedBitString(0x10, 36);    // 16.10: > 16 bits, aligned
        assertThat(hex(w)).isEqualTo("ff000000000100");
        AperReader r = reader("ff000000000100");
        assertThat(r.readBit()).isTrue();
        assertThat(r.readFixedBitString(10)).isEqualTo(0x3F8);
        assertThat(r.readFixedBitString(36)).isEqualTo(0x10);
    }

    @Test
    void whenExtensibleVariableBitStringWritten_thenLengthThenAlignedBits() {
        // TransportLayerAddress BIT STRING (SIZE(1..160, ...)): ext bit, 8-bit length-1, aligned contents
        AperWriter w = new AperWriter();
        w.writeBitString(new byte[] {10, 0, 0, 1}, 32, 1, 160, true);
        assertThat(hex(w)).isEqualTo("0f800a000001");
        AperReader r = reader("0f800a000001");
        int n = r.readBitStringLength(1, 160, true);
        assertThat(n).isEqualTo(32);
        assertThat(r.readBitStringContents(n)).containsExactly(10, 0, 0, 1);
    }

    @Test
    void whenOctetStringsWritten_thenSizeRulesOfClause17Apply() {
        AperWriter w = new AperWriter();
        w.writeBit(true);
        w.writeOctetString(new byte[] {0x55}, 1, 1, false);            // 17.6: fixed <= 2 octets, not aligned
        w.writeOctetString(new byte[] {1, 2, 3}, 3, 3, false);         // 17.7: fixed, aligned
        w.writeOctetString(new byte[] {9, 9}, 0, 255, false);          // 17.8: constrained length then aligned
        assertThat(hex(w)).isEqualTo("aa80010203020909");
        AperReader r = reader("aa80010203020909");
        r.readBit();
        assertThat(r.readOctetString(1, 1, false)).containsExactly(0x55);
        assertThat(r.readOctetString(3, 3, false)).containsExactly(1, 2, 3);
        assertThat(r.readOctetString(0, 255, false)).containsExactly(9, 9);
    }

    @Test
    void whenPrintableStringWritten_thenExtensionBitLengthAndOctetAlignedCharacters() {
        // AMFName PrintableString (SIZE(1..150, ...)): as in the NG Setup vector ("07 00 67 6e 62 ...")
        AperWriter w = new AperWriter();
        w.writeKnownMultiplierString("gnb.spirent.com", 1, 150, true);
        assertThat(hex(w)).startsWith("0700676e62");
        assertThat(reader(hex(w)).readKnownMultiplierString(1, 150, true)).isEqualTo("gnb.spirent.com");
    }

    @Test
    void whenEnumerationHasExtensionValue_thenNormallySmallIndexFollowsTheBit() {
        AperWriter w = new AperWriter();
        w.writeEnumerated(11, 10, true); // RRCEstablishmentCause mo-ExceptionData: ext 1, NSNNWN 0 + 6 bits (1)
        assertThat(hex(w)).isEqualTo("81");
        assertThat(reader("81").readEnumerated(10, true)).isEqualTo(11);
        AperWriter w2 = new AperWriter();
        w2.writeEnumerated(3, 10, true); // root: ext 0, 4 bits
        assertThat(hex(w2)).isEqualTo("18");
    }

    @Test
    void whenIntegersAreSemiConstrainedOrUnconstrained_thenMinimalOctetsRoundTrip() {
        for (long v : new long[] {0, 1, 127, 128, 255, 256, 1L << 40, Long.MAX_VALUE}) {
            AperWriter w = new AperWriter();
            w.writeSemiConstrained(v, 0);
            assertThat(new AperReader(w.toByteArray()).readSemiConstrained(0)).isEqualTo(v);
        }
        for (long v : new long[] {0, -1, 127, -128, 128, -129, 4096, 2_000_000, Long.MIN_VALUE}) {
            AperWriter w = new AperWriter();
            w.writeUnconstrained(v);
            assertThat(new AperReader(w.toByteArray()).readUnconstrained()).isEqualTo(v);
        }
        AperWriter w = new AperWriter();
        w.writeUnconstrained(-129);
        assertThat(hex(w)).isEqualTo("02ff7f");
    }

    @Test
    void whenSequenceHasUnknownExtensionAdditions_thenTheyAreSkippedAsOpenTypes() {
        // bitmap of 3 additions (NSNNWN length 2 -> "0 000010"), additions 1 and 3 present, each an open type
        AperWriter w = new AperWriter();
        w.writeBit(false);
        w.writeBits(2, 6);
        w.writeBits(0b101, 3);
        w.writeOpenType(new byte[] {1, 2, 3});
        w.writeOpenType(new byte[] {4});
        w.writeBits(0x5A, 8);
        AperReader r = new AperReader(w.toByteArray());
        r.skipExtensionAdditions();
        assertThat(r.readBits(8)).isEqualTo(0x5A);
    }

    @Test
    void whenInputIsTruncated_thenReaderThrowsBeforeAllocating() {
        AperReader r = reader("8fff"); // a 4095-octet length with 0 octets behind it
        assertThatThrownBy(r::readUnboundedOctets).isInstanceOf(AperException.class);
        AperReader r2 = reader("00ff");
        assertThatThrownBy(() -> r2.checkCount(1000, 8)).isInstanceOf(AperException.class);
    }

    @Test
    void whenWriterIsReset_thenItEncodesAgainWithoutStaleBits() {
        AperWriter w = new AperWriter(16);
        w.writeBits(0xFFFF_FFFFL, 32);
        w.reset();
        w.writeBit(false);
        w.writeBits(1, 1);
        assertThat(hex(w)).isEqualTo("40");
        assertThat(Arrays.copyOf(w.buffer(), 4)).containsExactly(0x40, 0, 0, 0);
    }
}
