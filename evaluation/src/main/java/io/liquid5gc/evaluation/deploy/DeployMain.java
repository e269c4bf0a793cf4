package io.liquid5gc.evaluation.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one of the evaluation's deployments on this machine and keeps it up until interrupted (Ctrl-C), for measuring
 * it with other tools, e.g. ransim's load generator against the N2 address it prints:
 * {@code evaluation/deploy.sh http} (README "Evaluation", docs/operations.md "The cost of one HTTP hop").
 * Arguments: the deployment ({@code in-process}, {@code http}, {@code hybrid}, {@code functions}), then optionally
 * {@code --repository DIR}, {@code --work DIR} and {@code --jvm-options "..."} (added to every always-on process's).
 */
public final class DeployMain {

    private DeployMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: deploy.sh in-process|http|hybrid|functions [--repository DIR] [--work DIR]");
            System.exit(2);
        }
        DeploymentKind kind = DeploymentKind.of(args[0]);
        Path repository = Path.of("").toAbsolutePath();
        Path work = null;
        List<String> extraJvm = List.of();
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--repository" -> repository = Path.of(args[i + 1]).toAbsolutePath();
                case "--work" -> work = Path.of(args[i + 1]).toAbsolutePath();
                case "--jvm-options" -> extraJvm = List.of(args[i + 1].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--repository DIR, --work DIR, --jvm-options \"...\")");
            }
        }
        if (work == null) {
            work = repository.resolve("evaluation/target/deploy-" + kind.id());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        LaunchSettings settings = LaunchSettings.defaults(repository, work);
        List<String> alwaysOn = new ArrayList<>(settings.alwaysOnJvm());
        alwaysOn.addAll(extraJvm);
        settings = settings.withJvm(alwaysOn, settings.unitJvm());
        try (Deployment d = new DeploymentLauncher(settings, System.out::println).start(kind)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                d.close();
                stopped.countDown();
            }, "deploy-stop"));
            System.out.println("deployment " + kind.id() + " up; N2 (SCTP over UDP) at " + d.n2().getHostString() + ":" + d.n2().getPort());
            for (ManagedProcess p : d.processes()) {
                System.out.println("  " + p.name() + " pid " + p.pid() + (p.port() > 0 ? " " + p.url() : "") + " log " + p.log());
            }
            d.runnerUrlPattern().ifPresent(u -> System.out.println("  function runner " + u));
            System.out.println("e.g.: java -jar ransim/target/ransim.jar register --core " + d.n2().getHostString() + ":" + d.n2().getPort()
                    + " --ues 100 --concurrency 1; Ctrl-C (or kill " + ProcessHandle.current().pid() + ") stops every process");
            stopped.await();
        }
    }
}
