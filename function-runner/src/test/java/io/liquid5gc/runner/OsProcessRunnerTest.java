package io.liquid5gc.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner with real operating-system processes: a small Java program (JDK source launcher) started on the first
 * request, reused while warm, stopped after the idle time and started again; a process that ignores SIGTERM is killed
 * after the grace period; a process that exits has its output in the runner's log, not in the answer.
 */
class OsProcessRunnerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PID = Pattern.compile("\"pid\":(\\d+)");

    @TempDir
    Path logs;

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String tinyUnit() throws Exception {
        return Path.of(OsProcessRunnerTest.class.getResource("/units/TinyUnit.java").toURI()).toString();
    }

    private RunnerSettings settings(Duration idle) {
        // generous: a JVM start on a busy 2-core machine
        return RunnerSettings.defaults().withIdle(idle).withStartTimeout(Duration.ofMinutes(2)).withStopGrace(Duration.ofSeconds(2))
                .withLogDirectory(logs);
    }

    @Test
    void whenAFunctionIsCalledColdThenWarmThenAfterTheIdleTime_thenOneProcessServesUntilIdleAndANewOneAfter() throws Exception {
        UnitCommand tiny = new UnitCommand("nssf-slice-select", List.of(java(), "-Xshare:auto", tinyUnit(), "{port}", "{unit}"), null, null);
        try (FunctionRunner runner = FunctionRunner.start(settings(Duration.ofSeconds(2)), List.of(tiny));
             RunnerHttpServer server = RunnerHttpServer.start(runner)) {
            long first = pidOf(post(server, "nssf-slice-select"));
            long again = pidOf(post(server, "nssf-slice-select"));

            assertThat(again).as("warm: the same process").isEqualTo(first);
            assertThat(ProcessHandle.of(first)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            FunctionStats warm = runner.stats().getFirst();
            assertThat(warm.coldStarts()).isEqualTo(1);
            assertThat(warm.requests()).isEqualTo(2);
            assertThat(warm.waitedForColdStart()).isEqualTo(1);
            assertThat(warm.coldStartDurations().getFirst()).isPositive();

            // scale to zero: no request for 2 s
            FunctionRunnerTest.await(() -> runner.stats().getFirst().stops() == 1 && runner.liveProcesses() == 0);
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(runner.stats().getFirst().state()).isEqualTo(UnitState.STOPPED);

            long third = pidOf(post(server, "nssf-slice-select"));
            assertThat(third).isNotEqualTo(first);
            assertThat(runner.stats().getFirst().coldStarts()).isEqualTo(2);
        }
    }

    @Test
    void whenAProcessIgnoresSigterm_thenItIsKilledAfterTheGracePeriod() throws Exception {
        // never ready (no HTTP), ignores TERM: the start timeout stops it, SIGKILL after the 2 s grace
        UnitCommand stubborn = new UnitCommand("chf-charging-create",
                List.of("sh", "-c", "trap '' TERM; echo ignoring TERM on $1; while :; do sleep 1; done", "unit", "{port}"), null, null);
        RunnerSettings s = settings(Duration.ZERO).withStartTimeout(Duration.ofSeconds(3));
        try (FunctionRunner runner = FunctionRunner.start(s, List.of(stubborn)); RunnerHttpServer server = RunnerHttpServer.start(runner)) {
            HttpResponse<String> answer = post(server, "chf-charging-create");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("not ready within PT3S");
            FunctionRunnerTest.await(() -> runner.liveProcesses() == 0);
            assertThat(runner.stats().getFirst().startFailures()).isEqualTo(1);
        }
    }

    @Test
    void whenAProcessExitsAtStart_thenItsLastLinesAreInTheRunnersLogAndNotInTheAnswer() throws Exception {
        UnitCommand broken = new UnitCommand("bsf-binding-register",
                List.of("sh", "-c", "echo 'APPLICATION FAILED TO START: port {port} taken'; exit 3"), null, null);
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (records) {
                    records.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger(FunctionUnit.class.getName());
        jul.addHandler(capture);
        try (FunctionRunner runner = FunctionRunner.start(settings(Duration.ZERO), List.of(broken));
             RunnerHttpServer server = RunnerHttpServer.start(runner)) {
            HttpResponse<String> answer = post(server, "bsf-binding-register");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("exited with 3 before it was ready").doesNotContain("APPLICATION FAILED");
            synchronized (records) {
                assertThat(records).anySatisfy(r -> assertThat(new java.util.logging.SimpleFormatter().formatMessage(r))
                        .contains("bsf-binding-register did not start").contains("APPLICATION FAILED TO START: port"));
            }
        } finally {
            jul.removeHandler(capture);
        }
    }

    private static HttpResponse<String> post(RunnerHttpServer server, String function) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/" + function))
                .timeout(Duration.ofMinutes(3)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long pidOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher m = PID.matcher(answer.body());
        assertThat(m.find()).as(answer.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

}
