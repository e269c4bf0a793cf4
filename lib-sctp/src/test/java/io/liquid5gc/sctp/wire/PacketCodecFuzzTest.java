package io.liquid5gc.sctp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the packet decoder. In a normal build this runs in regression mode over the committed corpus
 * in src/test/resources/io/liquid5gc/sctp/wire/PacketCodecFuzzTestInputs/; set JAZZER_FUZZ=1 to fuzz.
 * Properties: decoding never throws; whatever decodes re-encodes to bytes that decode to the same
 * packet (canonical form is a fixed point).
 */
class PacketCodecFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void fuzzDecode(byte[] input) {
        PacketCodec codec = new PacketCodec();
        Decoded<Packet> d = codec.decode(input, 0, input.length, false);
        if (d instanceof Decoded.Ok<Packet> ok) {
            byte[] once = PacketWriter.encode(ok.value());
            Decoded<Packet> again = codec.decode(once, 0, once.length, true);
            assertThat(again).isInstanceOf(Decoded.Ok.class);
            byte[] twice = PacketWriter.encode(((Decoded.Ok<Packet>) again).value());
            assertThat(Arrays.equals(once, twice)).as("re-encoding is stable").isTrue();
        }
    }
}
