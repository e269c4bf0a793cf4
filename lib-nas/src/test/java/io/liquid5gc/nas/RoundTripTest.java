package io.liquid5gc.nas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.mm.GmmMessageType;
import io.liquid5gc.nas.sm.SmMessageType;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    static Stream<Arguments> messages() {
        return NasTestMessages.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void whenEncodedAndDecoded_thenSameMessageAndSameOctets(String name, NasMessage message) {
        byte[] wire = NasCodec.encode(message);

        DecodeResult<NasMessage> decoded = NasCodec.decode(wire);

        assertThat(decoded.errorOrNull()).as(name + " " + HexFormat.of().formatHex(wire)).isNull();
        assertThat(decoded.orThrow()).usingRecursiveComparison().isEqualTo(message);
        assertThat(NasCodec.encode(decoded.orThrow())).isEqualTo(wire);
    }

    @Test
    void whenFactoryListed_thenEveryModelledMessageTypeIsCovered() {
        Set<GmmMessageType> gmm = EnumSet.noneOf(GmmMessageType.class);
        Set<SmMessageType> sm = EnumSet.noneOf(SmMessageType.class);
        for (Map.Entry<String, NasMessage> e : NasTestMessages.all().entrySet()) {
            switch (e.getValue()) {
                case io.liquid5gc.nas.mm.GmmMessage g -> gmm.add(g.type());
                case io.liquid5gc.nas.sm.SmMessage s -> sm.add(s.type());
                default -> throw new AssertionError();
            }
        }
        assertThat(gmm).containsAll(EnumSet.complementOf(EnumSet.of(
                GmmMessageType.RELAY_KEY_REQUEST, GmmMessageType.RELAY_KEY_ACCEPT, GmmMessageType.RELAY_KEY_REJECT,
                GmmMessageType.RELAY_AUTHENTICATION_REQUEST, GmmMessageType.RELAY_AUTHENTICATION_RESPONSE)));
        assertThat(sm).hasSize(16);
    }
}
