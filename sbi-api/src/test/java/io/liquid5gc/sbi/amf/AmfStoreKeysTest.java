package io.liquid5gc.sbi.amf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.common.PlmnId;
import org.junit.jupiter.api.Test;

/** The keys are those the AMF's state has always been stored under (a running Redis stays readable). */
class AmfStoreKeysTest {

    @Test
    void whenKeysAreSpelled_thenTheyAreTheStringsOfTheStoredState() {
        assertThat(AmfStoreKeys.ueContext("42")).isEqualTo("amf/ue/42");
        assertThat(AmfStoreKeys.supi("imsi-001010000000001")).isEqualTo("amf/supi/imsi-001010000000001");
        assertThat(AmfStoreKeys.guti(new FiveGGuti(new PlmnId("001", "01"), 1, 4, 0, 0x2a))).isEqualTo("amf/guti/00101-0100400-0000002a");
        assertThat(AmfStoreKeys.sessions("42")).isEqualTo("amf/sessions/42");
        assertThat(AmfStoreKeys.nasSecurity("42")).isEqualTo("amf/nas-security/42");
        assertThat(AmfStoreKeys.pendingDeregistration("42")).isEqualTo("amf/pending-deregistration/42");
        assertThat(AmfStoreKeys.TMSI_COUNTER).isEqualTo("amf/tmsi-counter");
    }
}
