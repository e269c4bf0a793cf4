package io.liquid5gc.nas;

import static io.liquid5gc.nas.NasTestMessages.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.security.SecurityProtectedNasMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TS 24.501 9.1.1 / 9.3.1: the security protected 5GS NAS message header. */
class SecurityHeaderTest {

    @ParameterizedTest
    @EnumSource(value = SecurityHeaderType.class, names = "PLAIN", mode = EnumSource.Mode.EXCLUDE)
    void whenProtected_thenHeaderRoundTripsAndInnerStaysOpaque(SecurityHeaderType sht) {
        byte[] inner = NasCodec.encode(new GmmMessage.RegistrationComplete(null, java.util.List.of()));
        byte[] pdu = NasCodec.protect(sht, hex("0a0b0c0d"), 0xFE, inner);

        assertThat(pdu).startsWith(0x7E, sht.code, 0x0A, 0x0B, 0x0C, 0x0D, 0xFE);
        NasPdu decoded = NasCodec.decodePdu(pdu).orThrow();
        SecurityProtectedNasMessage p = ((NasPdu.Protected) decoded).message();
        assertThat(p.securityHeaderType()).isEqualTo(sht);
        assertThat(p.macAsInt()).isEqualTo(0x0A0B0C0D);
        assertThat(p.sequenceNumber()).isEqualTo(0xFE);
        assertThat(p.innerBytes()).isEqualTo(inner);
        assertThat(p.encode()).isEqualTo(pdu);
    }

    @Test
    void whenMacInputRequested_thenSequenceNumberThenInnerMessage() {
        SecurityProtectedNasMessage p = new SecurityProtectedNasMessage(SecurityHeaderType.INTEGRITY_PROTECTED,
                new byte[4], 5, hex("7e0043"));
        assertThat(p.macInput()).isEqualTo(hex("057e0043"));
    }

    @Test
    void whenHeaderTypeFlags_thenCipheredAndNewContextAsTs24501() {
        assertThat(SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED.ciphered()).isTrue();
        assertThat(SecurityHeaderType.INTEGRITY_PROTECTED_WITH_NEW_CONTEXT.ciphered()).isFalse();
        assertThat(SecurityHeaderType.INTEGRITY_PROTECTED_WITH_NEW_CONTEXT.newSecurityContext()).isTrue();
        assertThat(SecurityHeaderType.fromCode(5)).isNull();
    }

    @Test
    void whenBuiltWithBadFields_thenRejected() {
        assertThatThrownBy(() -> new SecurityProtectedNasMessage(SecurityHeaderType.PLAIN, new byte[4], 0, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityProtectedNasMessage(SecurityHeaderType.INTEGRITY_PROTECTED, new byte[3], 0,
                new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
