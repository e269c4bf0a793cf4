package io.liquid5gc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.load.Scenario;
import io.liquid5gc.evaluation.report.ReportWriter;
import io.liquid5gc.evaluation.report.Summary;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's short mode as CI runs it: the in-process all-in-one and the hybrid deployment (AMF and SMF always on,
 * every other NF's functions behind the function runner, Redis and etcd, each process a JVM of its own from the exec
 * jars the reactor built), the idle and low scenarios for a few seconds each, one repetition, a cold-start storm of a
 * few UEs; then the report: every UE succeeded, sane figures, the Markdown and decodable PNG plots written.
 * {@code -Devaluation.test.deployments=in-process,http,hybrid,functions} runs other deployments.
 */
class EvaluationTest {

    @Test
    void whenTheShortModeRuns_thenEveryUeSucceedsAndTheReportAndPlotsAreWritten() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path out = Path.of("target", "evaluation-short").toAbsolutePath();
        List<DeploymentKind> deployments = java.util.Arrays.stream(System.getProperty("evaluation.test.deployments", "in-process,hybrid")
                .split(",")).map(DeploymentKind::of).toList();
        EvaluationOptions o = new EvaluationOptions(List.of(Scenario.IDLE, Scenario.LOW), deployments, 1, 0.015, 4, 4,
                Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(240), out, repository, 0.128, Map.of(),
                false);

        ReportWriter.Written w = EvaluationMain.run(o);

        String report = Files.readString(w.markdown());
        assertThat(report).doesNotContain("not measured to the end").doesNotContain("**Failures**");
        assertThat(report).contains("SHORT MODE", "Table VI", "Table VIII", "Resource-time cost model");
        for (DeploymentKind d : deployments) {
            Summary.Latency low = w.latency().stream().filter(l -> l.deployment() == d && l.scenario() == Scenario.LOW).findFirst().orElseThrow();
            assertThat(low.cycles()).as("%s: cycles", d.id()).isPositive();
            assertThat(low.registrationSuccess()).as("%s: registrations", d.id()).isEqualTo(100.0);
            assertThat(low.sessionSuccess()).as("%s: PDU sessions", d.id()).isEqualTo(100.0);
            assertThat(low.cycleSuccess()).as("%s: whole cycles", d.id()).isEqualTo(100.0);
            assertThat(low.regP50()).as("%s: registration p50", d.id()).isPositive();
            assertThat(low.regP99()).as("%s: registration p99", d.id()).isGreaterThanOrEqualTo(low.regP50());
            assertThat(low.pduP50()).as("%s: PDU session p50", d.id()).isPositive();
            for (Scenario s : List.of(Scenario.IDLE, Scenario.LOW)) {
                Summary.Usage u = w.usage().stream().filter(x -> x.deployment() == d && x.scenario() == s).findFirst().orElseThrow();
                assertThat(u.rssMeanMb()).as("%s %s: RSS", d.id(), s.id()).isGreaterThan(50);
                assertThat(u.rssMaxMb()).isGreaterThanOrEqualTo(u.rssMeanMb());
                assertThat(u.cpuSecondsPerMinute()).as("%s %s: CPU", d.id(), s.id()).isGreaterThan(0);
            }
            Summary.PerProcedure reg = w.procedures().stream().filter(p -> p.deployment() == d && p.procedure().equals("registration"))
                    .findFirst().orElseThrow();
            assertThat(reg.perFunction()).as("%s: functions of a registration", d.id()).containsKeys("amf-initial-registration", "ausf-authenticate",
                    "udm-generate-auth-data");
            assertThat(reg.functionMillis()).isPositive();
        }
        if (deployments.contains(DeploymentKind.HYBRID)) {
            assertThat(report).contains("Cold-start storm (Table VII)");
            Summary.Latency low = w.latency().stream().filter(l -> l.deployment() == DeploymentKind.HYBRID && l.scenario() == Scenario.LOW)
                    .findFirst().orElseThrow();
            assertThat(low.coldStarts()).as("units still warm from the storm and the profile").isZero();
        }
        assertThat(w.cost().inputs().gbSecondsPerRegistration()).isPositive();
        assertThat(w.cost().inputs().alwaysOnGb()).isPositive();
        assertThat(w.plots()).isNotEmpty();
        for (Path plot : w.plots()) {
            assertThat(plot).exists();
            assertThat(Files.size(plot)).as("%s", plot).isGreaterThan(2000);
            BufferedImage image = ImageIO.read(plot.toFile());
            assertThat(image).as("%s decodes as an image", plot).isNotNull();
            assertThat(image.getWidth()).isEqualTo(900);
        }
        for (String raw : List.of("ue-samples.csv", "process-samples.csv", "functions.csv", "runs.csv", "summary.json")) {
            assertThat(Files.readAllLines(out.resolve(raw)).size()).as(raw).isGreaterThan(1);
        }
    }
}
