package io.liquid5gc.pfcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the PFCP decoder. A normal build replays the corpus in
 * src/test/resources/io/liquid5gc/pfcp/PfcpCodecFuzzTestInputs/; JAZZER_FUZZ=1 fuzzes (.ci/fuzz). Properties:
 * decoding never throws; whatever decodes re-encodes to octets that decode to the same message, and encoding that
 * again gives the same octets (canonical form is a fixed point).
 */
class PfcpCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void fuzzDecode(byte[] input) {
        if (PfcpCodec.decode(input) instanceof DecodeResult.Decoded d) {
            byte[] once = PfcpCodec.encode(d.message());
            DecodeResult again = PfcpCodec.decode(once);
            assertThat(again).isInstanceOf(DecodeResult.Decoded.class);
            PfcpMessage m = ((DecodeResult.Decoded) again).message();
            assertThat(m).isEqualTo(d.message());
            assertThat(PfcpCodec.encode(m)).isEqualTo(once);
        }
    }
}
