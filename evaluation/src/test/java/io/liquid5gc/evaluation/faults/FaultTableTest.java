package io.liquid5gc.evaluation.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's rows and the command's options. */
class FaultTableTest {

    @Test
    void whenResultsAreRendered_thenEachFaultIsARowAndEachLostUeIsNamed() {
        String table = FaultTable.markdown(List.of(
                new FaultResult(Fault.AMF_KILL, 10, List.of(), 40, 6, 6, 12, 3, Duration.ofMillis(31_400), Duration.ofMillis(33_060), ""),
                new FaultResult(Fault.N2_LOSS, 10, List.of("imsi-001010000000501: service request: timeout (30 s)"), 50, 1, 0, 15, 0,
                        Duration.ofSeconds(15), null, "900 datagrams: 45 lost, 0 duplicated, 0 reordered")));
        assertThat(table).contains("| fault | UEs registered before | UEs lost | procedures during the fault | failed | of them succeeded on retry");
        assertThat(table).contains("| kill -9 AMF, restarted | 10 | 0 | 40 | 6 | 6 | 12 (3) | 31.4 s | 33.1 s |  |");
        assertThat(table).contains("| N2: 5 % of packets lost | 10 | 1 | 50 | 1 | 0 | 15 (0) | 15.0 s | **not recovered** | 900 datagrams");
        assertThat(table).contains("- N2: 5 % of packets lost: lost imsi-001010000000501: service request: timeout (30 s)");
    }

    @Test
    void whenOptionsAreGiven_thenTheyAreTakenAndUnknownOnesRefused() {
        FaultOptions o = FaultOptions.parse(new String[] {"--faults", "amf-kill,n2-mixed", "--ues", "20", "--seed", "3", "--repository", "/tmp/r"});
        assertThat(o.faults()).containsExactly(Fault.AMF_KILL, Fault.N2_MIXED);
        assertThat(o.ues()).isEqualTo(20);
        assertThat(o.seed()).isEqualTo(3);
        assertThat(o.repository()).isEqualTo(Path.of("/tmp/r"));
        assertThat(FaultOptions.parse(new String[0]).faults()).isEqualTo(Fault.ALL);
        assertThat(Fault.list("bounded")).isEqualTo(Fault.BOUNDED);
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--fault", "x"})).hasMessageContaining("unknown option(s) [--fault");
        assertThatThrownBy(() -> Fault.list("amf-kil")).hasMessageContaining("unknown fault 'amf-kil'; known: amf-kill");
        assertThatThrownBy(() -> FaultOptions.parse(new String[] {"--ues", "0"})).hasMessageContaining("--ues must be 1..500");
    }
}
