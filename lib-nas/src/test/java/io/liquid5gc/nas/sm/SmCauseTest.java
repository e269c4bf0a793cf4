package io.liquid5gc.nas.sm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 5GSM cause values (TS 24.501 9.11.4.2): each known one read back as itself, an unknown one as #111. */
class SmCauseTest {

    @Test
    void whenTheSmfSaysServiceOptionTemporarilyOutOfOrder_thenTheUeReadsNumber34NotAProtocolError() {
        // the SMF's answer while the UDM or PCF is unreachable (seen in the fault suite: read as #111 before #34 was here)
        assertThat(SmCause.fromCode(34)).isEqualTo(SmCause.SERVICE_OPTION_TEMPORARILY_OUT_OF_ORDER);
        assertThat(SmCause.SERVICE_OPTION_TEMPORARILY_OUT_OF_ORDER.code).isEqualTo(34);
    }

    @Test
    void whenEveryKnownCodeIsRead_thenItIsItselfAndAnUnknownOneIsProtocolErrorUnspecified() {
        for (SmCause c : SmCause.values()) {
            assertThat(SmCause.fromCode(c.code)).isEqualTo(c);
        }
        assertThat(SmCause.fromCode(200)).isEqualTo(SmCause.PROTOCOL_ERROR_UNSPECIFIED);
    }
}
