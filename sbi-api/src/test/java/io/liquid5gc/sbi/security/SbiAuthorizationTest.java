package io.liquid5gc.sbi.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SbiAuthorizationTest {

    private record Expected(String service, Set<ConsumerType> consumers) {
    }

    private static final Map<String, Expected> EXPECTED = load();

    static Stream<Arguments> everyFunctionAndConsumer() {
        return Functions.all().stream().flatMap(f -> Arrays.stream(ConsumerType.values()).map(c -> Arguments.of(f.name(), c)));
    }

    @ParameterizedTest(name = "{0} called by {1}")
    @MethodSource("everyFunctionAndConsumer")
    void whenAConsumerTypeCallsAFunction_thenTheTablePermitsExactlyTheExpectedOnes(String function, ConsumerType consumer) {
        FunctionSpec<?, ?> spec = Functions.byName(function).orElseThrow();
        boolean expected = EXPECTED.get(function).consumers().contains(consumer);
        assertThat(SbiAuthorization.permits(spec, consumer)).as("%s by %s", function, consumer).isEqualTo(expected);
    }

    @Test
    void whenTheTableIsRead_thenEveryFunctionHasARuleWithItsExpectedServiceOfItsOwnNf() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(Functions.byName().keySet());
        for (FunctionSpec<?, ?> f : Functions.all()) {
            NfService service = SbiAuthorization.serviceOf(f);
            assertThat(service.serviceName()).as(f.name()).isEqualTo(EXPECTED.get(f.name()).service());
            assertThat(service.producer()).isEqualTo(f.nf());
        }
    }

    @Test
    void whenNoConsumerTypeIsKnown_thenNothingIsPermitted() {
        Functions.all().forEach(f -> assertThat(SbiAuthorization.permits(f, null)).isFalse());
    }

    @Test
    void whenTheNrfGrantsScopes_thenOnlyServicesWithAPermittedFunctionAreOffered() {
        assertThat(SbiAuthorization.servicesFor(ConsumerType.UDM, NfType.UDR)).containsExactly(NfService.NUDR_DR);
        assertThat(SbiAuthorization.servicesFor(ConsumerType.AMF, NfType.UDR)).isEmpty();
        assertThat(SbiAuthorization.servicesFor(ConsumerType.AMF, NfType.UDM)).containsExactly(NfService.NUDM_SDM);
        assertThat(SbiAuthorization.servicesFor(ConsumerType.AUSF, NfType.UDM)).containsExactly(NfService.NUDM_UEAU);
        assertThat(SbiAuthorization.servicesFor(ConsumerType.N2_PROXY, NfType.NRF)).containsExactly(NfService.NNRF_DISC);
        assertThat(SbiAuthorization.servicesFor(ConsumerType.SMF, NfType.NRF)).containsExactlyInAnyOrder(NfService.NNRF_NFM, NfService.NNRF_DISC);
    }

    @Test
    void whenTheSmfAsksForTheAmf_thenItGetsNamfCommForN1N2MessageTransferButNoAmfFunction() {
        assertThat(SbiAuthorization.servicesFor(ConsumerType.SMF, NfType.AMF)).containsExactly(NfService.NAMF_COMM);
        assertThat(SbiResource.N1N2_MESSAGE_TRANSFER.permits(ConsumerType.SMF)).isTrue();
        assertThat(SbiResource.N1N2_MESSAGE_TRANSFER.permits(ConsumerType.N2_PROXY)).isFalse();
        assertThat(SbiResource.N1N2_MESSAGE_TRANSFER.permits(ConsumerType.AMF)).isFalse();
        Functions.all().stream().filter(f -> f.nf() == NfType.AMF)
                .forEach(f -> assertThat(SbiAuthorization.permits(f, ConsumerType.SMF)).as(f.name()).isFalse());
    }

    private static Map<String, Expected> load() {
        try (InputStream in = SbiAuthorizationTest.class.getResourceAsStream("/authorization-expected.csv")) {
            Map<String, Expected> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split(";");
                Set<ConsumerType> consumers = EnumSet.noneOf(ConsumerType.class);
                for (String c : cols[2].trim().split(" ")) {
                    if (c.equals("ALL_NF")) {
                        consumers.addAll(EnumSet.complementOf(EnumSet.of(ConsumerType.N2_PROXY)));
                    } else {
                        consumers.add(ConsumerType.valueOf(c));
                    }
                }
                m.put(cols[0], new Expected(cols[1], consumers));
            }
            return m;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
