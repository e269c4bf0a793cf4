package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile read instruction by instruction (no Docker engine here): JDK 25 runtime, a training run
 * serving real requests writing the AOT cache as the runtime user, the cache used with the same JVM options
 * (deploy/docker/jvm.options) at start, the same commands as benchmarks/coldstart.sh, non-root user, health check on
 * actuator. hadolint, when installed, lints it too.
 */
class DockerfileTest {

    static final Path DOCKERFILE = Repo.path("deploy/docker/Dockerfile");

    record Instruction(String keyword, String args) {
    }

    /** Instructions with continuation lines joined, comments and parser directives dropped. */
    static List<Instruction> parse() throws Exception {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (current.isEmpty() && (t.isEmpty() || t.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && t.startsWith("#")) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
                continue;
            }
            current.append(t);
            String s = current.toString().strip();
            int sp = s.indexOf(' ');
            out.add(new Instruction(s.substring(0, sp).toUpperCase(Locale.ROOT), s.substring(sp + 1).strip()));
            current.setLength(0);
        }
        return out;
    }

    static List<Instruction> stage(List<Instruction> all, int index) {
        List<Integer> froms = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                froms.add(i);
            }
        }
        int start = froms.get(index < 0 ? froms.size() + index : index);
        int end = all.size();
        for (int f : froms) {
            if (f > start) {
                end = f;
                break;
            }
        }
        return all.subList(start, end);
    }

    @Test
    void whenParsed_thenBothStagesRunOnAJdk25Runtime() throws Exception {
        List<Instruction> all = parse();
        Instruction javaImage = all.stream().filter(i -> i.keyword().equals("ARG") && i.args().startsWith("JAVA_IMAGE="))
                .findFirst().orElseThrow();
        assertThat(javaImage.args()).matches("JAVA_IMAGE=eclipse-temurin:25-jre.*");
        assertThat(all.stream().filter(i -> i.keyword().equals("FROM")).map(Instruction::args))
                .hasSize(2).allMatch(a -> a.startsWith("${JAVA_IMAGE}"));
        assertThat(all).contains(new Instruction("ARG", "JAR"));
        assertThat(all.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::args))
                .anyMatch(a -> a.contains("sh extract.sh app.jar /build/app \"$STORES\""));
        assertThat(all).contains(new Instruction("COPY", "deploy/docker/extract.sh extract.sh"));
        assertThat(Files.readString(Repo.path("deploy/docker/extract.sh"))).contains("-Djarmode=tools", "extract --layers");
    }

    @Test
    void whenParsed_thenTheRuntimeStageRunsAsANonRootUser() throws Exception {
        List<Instruction> runtime = stage(parse(), -1);
        List<String> users = runtime.stream().filter(i -> i.keyword().equals("USER")).map(Instruction::args).toList();
        assertThat(users).isNotEmpty();
        String last = users.getLast();
        String uid = last.split(":")[0];
        assertThat(uid).isNotIn("root", "0").matches("[0-9]+");
        assertThat(Integer.parseInt(uid)).isGreaterThanOrEqualTo(1000);
        assertThat(runtime.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::args))
                .anyMatch(a -> a.contains("useradd") && a.contains("--uid " + uid));
        int userAt = runtime.indexOf(runtime.stream().filter(i -> i.keyword().equals("USER")).toList().getLast());
        int entrypointAt = runtime.indexOf(runtime.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).findFirst().orElseThrow());
        assertThat(userAt).isLessThan(entrypointAt);
    }

    @Test
    void whenParsed_thenATrainingRunServingRequestsWritesTheAotCacheAndTheEntrypointUsesItWithTheSameOptions() throws Exception {
        List<Instruction> runtime = stage(parse(), -1);
        Instruction training = runtime.stream().filter(i -> i.keyword().equals("RUN") && i.args().contains("-XX:AOTCacheOutput="))
                .findFirst().orElseThrow(() -> new AssertionError("no training run with -XX:AOTCacheOutput"));
        assertThat(training.args()).contains("-XX:AOTCacheOutput=app.aot", "@jvm.options", "-Dliquid5gc.training.requests=",
                "-jar app.jar", "test -s app.aot");
        // trained as the user that runs it, after the application and its options are in place
        int trainingAt = runtime.indexOf(training);
        int userAt = runtime.indexOf(runtime.stream().filter(i -> i.keyword().equals("USER")).findFirst().orElseThrow());
        int copyAt = runtime.indexOf(runtime.stream().filter(i -> i.keyword().equals("COPY") && i.args().contains("jvm.options"))
                .findFirst().orElseThrow(() -> new AssertionError("jvm.options is not copied into the image")));
        assertThat(trainingAt).isGreaterThan(userAt).isGreaterThan(copyAt);

        Instruction entrypoint = runtime.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).findFirst().orElseThrow();
        assertThat(entrypoint.args()).startsWith("[").contains("\"-XX:AOTCache=app.aot\"", "\"@jvm.options\"", "\"-jar\", \"app.jar\"");
        for (String gc : List.of("-XX:+UseSerialGC", "-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC")) {
            assertThat(entrypoint.args().contains(gc)).as(gc).isFalse();
            assertThat(training.args().contains(gc)).as(gc).isFalse();
        }
        // the one GC, in the options both read
        List<String> options = Files.readAllLines(Repo.path("deploy/docker/jvm.options")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(options.stream().filter(o -> o.matches("-XX:\\+Use[A-Za-z0-9]+GC"))).containsExactly("-XX:+UseSerialGC");
        // Spring AOT on for training and start alike when the jar has it (written into jvm.options before training)
        assertThat(runtime.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::args))
                .anyMatch(a -> a.contains("__ApplicationContextInitializer.class") && a.contains("-Dspring.aot.enabled=true")
                        && a.contains(">> jvm.options") && a.contains("! test -s pruned-stores"));
    }

    @Test
    void whenParsed_thenTheColdStartBenchmarkTrainsAndRunsWithTheImagesCommands() throws Exception {
        Instruction training = stage(parse(), -1).stream()
                .filter(i -> i.keyword().equals("RUN") && i.args().contains("-XX:AOTCacheOutput=")).findFirst().orElseThrow();
        String benchmark = Files.readString(Repo.path("benchmarks/coldstart.sh"));
        assertThat(benchmark).contains("deploy/docker/jvm.options", "deploy/docker/extract.sh", "-XX:AOTCacheOutput=",
                "-Dliquid5gc.training.requests=", "-Dspring.aot.enabled=true");
        for (String property : List.of("-Dserver.port=0", "-Dliquid5gc.provisioning.default-subscribers=none",
                "-Dliquid5gc.store.memory.journal=none", "-Dio.netty.allocator.type=unpooled")) {
            assertThat(training.args()).contains(property);
            assertThat(benchmark).contains(property);
        }
    }

    @Test
    void whenParsed_thenTheHealthCheckAsksActuator() throws Exception {
        List<Instruction> runtime = stage(parse(), -1);
        Instruction hc = runtime.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).findFirst().orElseThrow();
        assertThat(hc.args()).contains("CMD", "/actuator/health/liveness", "${SERVER_PORT}", "--start-period=");
        assertThat(runtime).contains(new Instruction("ENV", "SERVER_PORT=${PORT}"), new Instruction("EXPOSE", "${PORT}"));
        assertThat(runtime.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::args))
                .anyMatch(a -> a.contains("install -y --no-install-recommends curl"));
    }

    @Test
    void whenHadolintIsInstalled_thenItFindsNothing() throws Exception {
        Path bin = null;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "hadolint"))) {
                bin = Path.of(dir, "hadolint");
            }
        }
        assumeTrue(bin != null, "hadolint not installed (not packaged by Debian): the parsing tests above stand in");
        Process p = new ProcessBuilder(bin.toString(), DOCKERFILE.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
