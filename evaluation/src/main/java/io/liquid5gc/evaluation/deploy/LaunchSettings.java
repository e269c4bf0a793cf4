package io.liquid5gc.evaluation.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How a deployment is started on this machine.
 *
 * @param repository     the repository root (the jars: {@code all-in-one/target/liquid5gc.jar}, {@code nf-* /target/*-exec.jar})
 * @param work           the run's directory: extracted jars, each process's working directory and log
 * @param java           the JDK 25 {@code java} the processes run on
 * @param alwaysOnJvm    JVM options of the always-on processes (the image's {@code deploy/docker/jvm.options} and a heap)
 * @param unitJvm        JVM options of the function units (the chart's faas replicas: C1 only, 64 MB heap)
 * @param readyTimeout   how long a process may take to be ready (generous: a busy 2-core machine starts a dozen JVMs)
 * @param unitIdle       the function runner's idle time before it stops a unit (scale to zero)
 * @param callTimeout    {@code liquid5gc.http.timeout} of every caller (a call may wait for its callee's cold start)
 */
public record LaunchSettings(Path repository, Path work, String java, List<String> alwaysOnJvm, List<String> unitJvm,
                             Duration readyTimeout, Duration unitIdle, Duration callTimeout) {

    public LaunchSettings {
        alwaysOnJvm = List.copyOf(alwaysOnJvm);
        unitJvm = List.copyOf(unitJvm);
    }

    /** The defaults for a repository: the image's JVM options, 256 MB heaps always on, the chart's faas options for units. */
    public static LaunchSettings defaults(Path repository, Path work) {
        String options = "@" + repository.resolve("deploy/docker/jvm.options");
        return new LaunchSettings(repository, work, currentJava(), List.of(options, "-Xmx256m"),
                List.of(options, "-Xmx64m", "-Xmn4m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                        "-XX:CompileThresholdScaling=2", "-Dio.netty.allocator.type=unpooled", "-XX:TrimNativeHeapInterval=5000"),
                Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofSeconds(240));
    }

    public LaunchSettings withUnitIdle(Duration idle) {
        return new LaunchSettings(repository, work, java, alwaysOnJvm, unitJvm, readyTimeout, idle, callTimeout);
    }

    public LaunchSettings withWork(Path dir) {
        return new LaunchSettings(repository, dir, java, alwaysOnJvm, unitJvm, readyTimeout, unitIdle, callTimeout);
    }

    public LaunchSettings withJvm(List<String> alwaysOn, List<String> units) {
        return new LaunchSettings(repository, work, java, alwaysOn, units, readyTimeout, unitIdle, callTimeout);
    }

    /** The java of this JVM (JDK 25 when started by the Maven wrapper or evaluate.sh). */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static List<String> split(String options) {
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }
}
