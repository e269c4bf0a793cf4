package io.liquid5gc.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquid5gc.evaluation.EvaluationOptions;
import io.liquid5gc.evaluation.Results;
import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.deploy.ProcessRole;
import io.liquid5gc.evaluation.load.Scenario;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.metrics.FunctionTimes.Totals;
import io.liquid5gc.evaluation.metrics.ProcessSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from hand-made results: the tables' figures are the ones the samples give, the plots decode. */
class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void whenResultsAreWritten_thenTheTablesShowTheirQuantilesAndThePlotsDecode() throws Exception {
        List<UeSample> ues = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            ues.add(new UeSample(i * 1000L, true, i, 1, List.of(i / 2.0), true, null)); // registrations 1..100 ms
        }
        ues.add(new UeSample(101_000, false, 0, 1, List.of(), false, "registration: timeout"));
        List<ProcessSample> samples = new ArrayList<>();
        for (int t = 0; t <= 120; t++) {
            // the core: 1 CPU second per 10 s (6 s/min), 200 MB; a unit only in the second minute, 100 MB
            samples.add(new ProcessSample(t * 1000L, "core", ProcessRole.CORE, 10, t / 10.0, 200_000_000));
            if (t >= 60) {
                samples.add(new ProcessSample(t * 1000L, "unit:f", ProcessRole.UNIT, 11, (t - 60) / 20.0, 100_000_000));
            }
        }
        Results.Run idle = new Results.Run(DeploymentKind.FUNCTIONS, Scenario.IDLE, 1, 0, 59_000, List.of(), 0, Map.of(), 0);
        Results.Run low = new Results.Run(DeploymentKind.FUNCTIONS, Scenario.LOW, 1, 60_000, 120_000, ues, 3,
                Map.of("amf-initial-registration", new Totals(404, 4.04)), 1);
        Results.Procedure reg = new Results.Procedure("registration", 10, Map.of("amf-initial-registration", new Totals(40, 0.4),
                "ausf-authenticate", new Totals(10, 0.2)));
        Results.Cohort cold = new Results.Cohort("cold", ues.subList(0, 10), 11, 20, 30.0);
        Results.Deployment d = new Results.Deployment(DeploymentKind.FUNCTIONS, List.of(idle, low), List.of(cold), List.of(reg), samples,
                List.of(), null);
        EvaluationOptions o = EvaluationOptions.parse(new String[] {"--scenarios", "idle,low", "--duration-scale", "0.1", "--repetitions", "1"});

        ReportWriter.Written w = ReportWriter.write(dir, o, List.of(d), Machine.now(), Machine.now(), Duration.ofMinutes(3));

        Summary.Latency l = w.latency().stream().filter(x -> x.scenario() == Scenario.LOW).findFirst().orElseThrow();
        assertThat(l.cycles()).isEqualTo(101);
        assertThat(l.registrationSuccess()).isCloseTo(100.0 * 100 / 101, within(1e-9));
        assertThat(l.regP50()).isEqualTo(50.0);
        assertThat(l.regP99()).isEqualTo(99.0);
        assertThat(l.pduP50()).isEqualTo(25.0);
        Summary.Usage lowUsage = w.usage().stream().filter(x -> x.scenario() == Scenario.LOW).findFirst().orElseThrow();
        assertThat(lowUsage.cpuSecondsPerMinute()).isCloseTo(6.0 + 3.0, within(1e-6)); // core 6, unit 3 (from its start)
        assertThat(lowUsage.rssMeanMb()).isCloseTo(300.0, within(1e-6));
        Summary.Usage idleUsage = w.usage().stream().filter(x -> x.scenario() == Scenario.IDLE).findFirst().orElseThrow();
        assertThat(idleUsage.rssMeanMb()).isCloseTo(200.0, within(1e-6));
        // per registration: 4 x 10 ms + 1 x 20 ms = 60 ms of function time, 5 invocations
        Summary.PerProcedure p = w.procedures().getFirst();
        assertThat(p.invocations()).isCloseTo(5.0, within(1e-9));
        assertThat(p.functionMillis()).isCloseTo(60.0, within(1e-9));
        assertThat(w.cost().inputs().gbSecondsPerRegistration()).isCloseTo(0.060 * 0.128, within(1e-12));
        assertThat(w.cost().inputs().platformGb()).isCloseTo(0.2, within(1e-9));

        String md = Files.readString(w.markdown());
        assertThat(md).contains("SHORT MODE", "| low | functions | 1 | 101 | 3 | 99.0% | 50.0 |", "1 x registration: timeout",
                "| functions | registration | 10 | 5.00 | 60.00 |", "| functions | cold | 10 | 100.0% |");
        for (Path plot : w.plots()) {
            assertThat(ImageIO.read(plot.toFile())).as("%s", plot).isNotNull();
        }
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"regP50Ms\": 50.0000").contains("\"deployment\": \"functions\"");
        assertThat(Files.readAllLines(dir.resolve("ue-samples.csv"))).hasSize(1 + 101 + 10);
    }
}
