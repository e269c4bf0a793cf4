package io.liquid5gc.nas.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.codec.NasDecodeError;
import io.liquid5gc.nas.mm.GmmMessage;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Fuzzes the NAS decoder. Properties: decoding is total (no exception escapes, no internal error
 * caught); every decoded message encodes, and the encoding is a fixed point (decode(encode(m))
 * encodes to the same octets). In a normal {@code mvn test} this runs in regression mode over the
 * committed corpus in {@code src/test/resources/io/liquid5gc/nas/fuzz/NasDecoderFuzzTestInputs};
 * see lib-nas/README.md for a real fuzzing run.
 */
class NasDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decodePdu(byte[] data) {
        DecodeResult<NasPdu> r = NasCodec.decodePdu(data);
        switch (r) {
            case DecodeResult.Err<NasPdu> e -> checkError(e.error(), data);
            case DecodeResult.Ok<NasPdu> ok -> {
                switch (ok.value()) {
                    case NasPdu.Plain p -> checkFixedPoint(p.message(), data);
                    case NasPdu.Protected p -> {
                        // lossless except for the spare half octet beside the security header type (TS 24.501 9.3.1)
                        byte[] again = p.message().encode();
                        byte[] expected = data.clone();
                        expected[1] &= 0x0F;
                        if (!Arrays.equals(again, expected)) {
                            throw new AssertionError("protected header not lossless: " + hex(data));
                        }
                        DecodeResult<NasMessage> inner = NasCodec.decode(p.message().innerBytes());
                        if (inner instanceof DecodeResult.Ok<NasMessage> i) {
                            checkFixedPoint(i.value(), data);
                        } else {
                            checkError(inner.errorOrNull(), data);
                        }
                    }
                }
            }
        }
    }

    private static void checkError(NasDecodeError e, byte[] data) {
        if (e == null || e.kind() == null || e.detail().startsWith(NasCodec.INTERNAL_ERROR_PREFIX)) {
            throw new AssertionError("decoder bug on " + hex(data) + ": " + e);
        }
    }

    private static void checkFixedPoint(NasMessage m, byte[] data) {
        // containers the proxy decodes next: N1 SM information and NAS message containers
        byte[] nested = switch (m) {
            case GmmMessage.UlNasTransport u -> u.payloadContainer();
            case GmmMessage.DlNasTransport d -> d.payloadContainer();
            case GmmMessage.SecurityModeComplete c -> c.nasMessageContainer() == null ? null : c.nasMessageContainer().value();
            case GmmMessage.RegistrationRequest r -> r.nasMessageContainer() == null ? null : r.nasMessageContainer().value();
            default -> null;
        };
        if (nested != null && nested != data) {
            DecodeResult<NasMessage> n = NasCodec.decode(nested);
            if (n instanceof DecodeResult.Ok<NasMessage> ok) {
                checkFixedPoint(ok.value(), nested);
            } else {
                checkError(n.errorOrNull(), nested);
            }
        }
        byte[] once = NasCodec.encode(m);
        NasMessage again = NasCodec.decode(once).orThrow();
        byte[] twice = NasCodec.encode(again);
        if (!Arrays.equals(once, twice)) {
            throw new AssertionError("encoding not a fixed point for input " + hex(data) + ": " + hex(once) + " vs "
                    + hex(twice));
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
