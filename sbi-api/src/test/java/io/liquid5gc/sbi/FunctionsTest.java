package io.liquid5gc.sbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsTest {

    /** The public contract (the 31 function names), spelled out independently of the API classes. */
    private static final List<String> CONTRACT = List.of(
            "amf-initial-registration", "amf-deregistration", "amf-service-request", "amf-pdu-session-relay", "amf-handover", "amf-auth-initiate",
            "smf-pdu-session-create", "smf-pdu-session-update", "smf-pdu-session-release", "smf-n4-session-setup",
            "nrf-register", "nrf-discover", "nrf-status-notify",
            "chf-charging-create", "chf-charging-update", "chf-charging-release",
            "bsf-binding-register", "bsf-binding-discover", "bsf-binding-deregister",
            "udm-generate-auth-data", "udm-get-subscriber-data",
            "udr-data-read", "udr-data-write",
            "pcf-policy-create", "pcf-policy-get",
            "nwdaf-analytics-subscribe", "nwdaf-data-collect",
            "nsacf-slice-availability-check", "nsacf-update-counters",
            "ausf-authenticate",
            "nssf-slice-select");

    @Test
    void whenCollected_thenExactlyTheContractsNamesInOrder() {
        assertThat(Functions.all()).extracting(FunctionSpec::name).containsExactlyElementsOf(CONTRACT);
    }

    @Test
    void whenLookedUpByName_thenTheSpecNamesItsNf() {
        assertThat(Functions.byName("udm-generate-auth-data")).hasValueSatisfying(f -> assertThat(f.nf()).isEqualTo(NfType.UDM));
        assertThat(Functions.byName("nope")).isEmpty();
        assertThat(Functions.of(NfType.AMF)).hasSize(6);
        assertThat(NfType.values()).filteredOn(NfType::release17).containsExactlyInAnyOrder(NfType.CHF, NfType.BSF, NfType.NWDAF, NfType.NSACF);
    }
}
