package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.TestMessages;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeRadioCapabilityInfoIndication;
import java.util.List;
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
    void whenNasPduAndRadioCapabilityExceed16K_thenFragmentedEncodingsRoundTrip() {
        byte[] big = new byte[20_000];
        byte[] huge = new byte[70_000];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (byte) (i * 7);
            if (i < big.length) {
                big[i] = (byte) i;
            }
        }
        List<NgapMessage> ms = List.of(
                new NasTransport.DownlinkNasTransport(1, 2, null, NgapMessage.ABSENT, Octets.of(big), null, null, List.of()),
                new UeRadioCapabilityInfoIndication(1, 2, Octets.of(huge), null, List.of()));
        for (NgapMessage m : ms) {
            byte[] bytes = NgapCodec.encode(m);
            assertThat(((DecodeResult.Decoded) NgapCodec.decode(bytes)).message()).isEqualTo(m);
        }
    }

    @Test
    void whenFactoryListed_thenEveryModelledTypeIsCovered() {
        Set<Class<?>> seen = new HashSet<>();
        TestMessages.all().forEach(m -> seen.add(m.getClass()));
        assertThat(seen).containsAll(Messages.modelledMessageTypes());
    }
}
