package io.liquid5gc.evaluation.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's bounded version as CI runs it: the all-HTTP deployment (every NF its own JVM from the exec jars
 * the reactor built, Redis with its AOF, etcd), 10 tracked UEs under load, and the faults of {@link Fault#BOUNDED}
 * (kill -9 of the AMF, a Redis restart, N2 with 5 % loss, duplication and reordering);
 * {@code -Dfaults.test.faults=all} (or a list of ids) runs others. Every fault: no UE lost, every kind of procedure
 * working again, each failed procedure completed by a retry.
 */
class CoreFaultTest {

    @Test
    void whenFaultsHitTheCoreUnderLoad_thenNoRegisteredUeIsLostAndEveryProcedureRecovers() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path out = Path.of("target", "faults-bounded").toAbsolutePath();
        FaultOptions o = new FaultOptions(Fault.list(System.getProperty("faults.test.faults", "bounded")),
                Integer.getInteger("faults.test.ues", 10), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(16), Duration.ofSeconds(2), Duration.ofSeconds(120), Duration.ofMinutes(3), 17, out, repository);

        List<FaultResult> results = FaultMain.run(o);

        assertThat(results).hasSize(o.faults().size());
        for (FaultResult r : results) {
            assertThat(r.uesBefore()).as("%s: UEs before", r.fault().id()).isEqualTo(o.ues());
            assertThat(r.lost()).as("%s: UEs lost", r.fault().id()).isEmpty();
            assertThat(r.recovery()).as("%s: recovered", r.fault().id()).isNotNull();
            assertThat(r.retriedOk()).as("%s: failed procedures completed on retry", r.fault().id()).isEqualTo(r.failed());
            assertThat(r.procedures()).as("%s: procedures under load", r.fault().id()).isPositive();
            assertThat(r.cycles()).as("%s: churn cycles", r.fault().id()).isPositive();
        }
        assertThat(Files.readString(out.resolve("faults.md"))).contains("| fault |", "UEs lost");
    }
}
