package io.liquid5gc.ngap.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.TestMessages;
import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.transfer.SmTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import java.util.List;

/**
 * Jazzer fuzz tests. A normal {@code ./mvnw test} runs them in regression mode over the committed inputs in
 * src/test/resources/io/liquid5gc/ngap/fuzz/NgapFuzzTestInputs/&lt;method&gt;/; with {@code JAZZER_FUZZ=1} they
 * fuzz for at most {@code maxDuration} (see lib-ngap/README.md).
 */
class NgapFuzzTest {

    /**
     * The NGAP decoder is total (a value, never an exception), and whatever it accepts re-encodes to a PDU that
     * decodes to the same message.
     */
    @FuzzTest(maxDuration = "60s")
    void decodeNgapPdu(byte[] pdu) {
        DecodeResult r = NgapCodec.decode(pdu);
        if (r == null) {
            throw new AssertionError("null result");
        }
        if (r instanceof DecodeResult.DecodeError e && e.detail().startsWith("decoder fault")) {
            throw new AssertionError(e.detail());
        }
        if (r instanceof DecodeResult.Decoded d) {
            byte[] again = NgapCodec.encode(d.message());
            DecodeResult r2 = NgapCodec.decode(again);
            if (!(r2 instanceof DecodeResult.Decoded d2) || !d2.message().equals(d.message())) {
                throw new AssertionError("re-encoding changed the message: " + d.message() + " -> " + r2);
            }
        }
    }

    private static final List<Class<? extends SmTransfer>> TRANSFER_TYPES =
            TestMessages.transfers().stream().<Class<? extends SmTransfer>>map(SmTransfer::getClass).distinct().toList();

    /** The SM transfer decoder is total; the first octet picks the transfer type. */
    @FuzzTest(maxDuration = "30s")
    void decodeSmTransfer(FuzzedDataProvider data) {
        Class<? extends SmTransfer> type = TRANSFER_TYPES.get(data.consumeInt(0, TRANSFER_TYPES.size() - 1));
        TransferResult<? extends SmTransfer> r = SmTransferCodec.decode(type, Octets.wrap(data.consumeRemainingAsBytes()));
        if (r instanceof TransferResult.Ok<?> ok) {
            SmTransfer v = ok.value();
            TransferResult<? extends SmTransfer> r2 = SmTransferCodec.decode(type, SmTransferCodec.encode(v));
            if (!(r2 instanceof TransferResult.Ok<?> ok2) || !ok2.value().equals(v)) {
                throw new AssertionError("re-encoding changed the transfer: " + v + " -> " + r2);
            }
        }
    }

    /** The APER reader only ever fails with AperException, whatever the constraints and input. */
    @FuzzTest(maxDuration = "30s")
    void aperReader(FuzzedDataProvider data) {
        int ops = data.consumeInt(1, 16);
        byte[] input = data.consumeBytes(data.consumeInt(0, 64));
        int[] choices = data.consumeInts(ops * 3);
        AperReader r = new AperReader(input);
        try {
            for (int i = 0; i < ops && i * 3 + 2 < choices.length; i++) {
                int a = choices[i * 3 + 1];
                int b = choices[i * 3 + 2];
                int lb = Math.min(Math.abs(a % 70000), Math.abs(b % 70000));
                int ub = Math.max(Math.abs(a % 70000), Math.abs(b % 70000));
                switch (Math.floorMod(choices[i * 3], 12)) {
                    case 0 -> r.readConstrained(lb, ub);
                    case 1 -> r.readConstrained(0, 1099511627775L);
                    case 2 -> r.readSemiConstrained(0);
                    case 3 -> r.readUnconstrained();
                    case 4 -> r.readOctetString(lb, ub, (a & 1) != 0);
                    case 5 -> r.readUnboundedOctets();
                    case 6 -> r.readBitStringContents(r.readBitStringLength(Math.min(lb, 160), Math.min(ub, 160), true));
                    case 7 -> r.readKnownMultiplierString(1, 150, true);
                    case 8 -> r.readEnumerated(1 + (lb % 60), (a & 1) != 0);
                    case 9 -> {
                        r.beginOpenType();
                        r.readBits(Math.min(64, lb % 65));
                        r.endOpenType();
                    }
                    case 10 -> r.skipExtensionAdditions();
                    default -> r.readSizeOf(lb, ub, (a & 1) != 0, 1);
                }
            }
        } catch (AperException expected) {
            // malformed input is reported as AperException, and only so
        }
    }
}
