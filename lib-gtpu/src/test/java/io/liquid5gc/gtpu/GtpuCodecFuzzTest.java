package io.liquid5gc.gtpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the GTP-U decoder. A normal build replays the corpus in
 * src/test/resources/io/liquid5gc/gtpu/GtpuCodecFuzzTestInputs/; JAZZER_FUZZ=1 fuzzes (.ci/fuzz). Properties:
 * decoding never throws; whatever decodes re-encodes to octets that decode to the same message, and encoding that
 * again gives the same octets (canonical form is a fixed point).
 */
class GtpuCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void fuzzDecode(byte[] input) {
        if (GtpuCodec.decode(input) instanceof DecodeResult.Decoded d) {
            byte[] once = GtpuCodec.encode(d.message());
            DecodeResult again = GtpuCodec.decode(once);
            assertThat(again).isInstanceOf(DecodeResult.Decoded.class);
            GtpuMessage m = ((DecodeResult.Decoded) again).message();
            assertThat(GtpuCodec.encode(m)).isEqualTo(once);
            assertThat(m).isEqualTo(GtpuCodec.decode(once) instanceof DecodeResult.Decoded x ? x.message() : null);
        }
    }
}
