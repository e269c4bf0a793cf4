package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.TestMessages;
import io.liquid5gc.ngap.message.NgapMessage;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    static Stream<NgapMessage> messages() {
        return TestMessages.all().stream();
    }

    @ParameterizedTest
    @MethodSource("messages")
    void whenEncodedAndDecoded_thenEqual(NgapMessage m) {
        byte[] bytes = NgapCodec.encode(m);
        DecodeResult r = NgapCodec.decode(bytes);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        DecodeResult.Decoded d = (DecodeResult.Decoded) r;
        assertThat(d.message()).isEqualTo(m);
        assertThat(d.reports()).isEmpty();
        assertThat(NgapCodec.encode(d.message())).isEqualTo(bytes);
    }

    @Test
    void whenFactoryListed_thenEveryModelledTypeIsCovered() {
        Set<Class<?>> seen = new HashSet<>();
        TestMessages.all().forEach(m -> seen.add(m.getClass()));
        assertThat(seen).containsAll(Messages.modelledMessageTypes());
    }
}
