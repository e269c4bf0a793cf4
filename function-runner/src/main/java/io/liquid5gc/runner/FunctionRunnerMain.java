package io.liquid5gc.runner;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar function-runner/target/function-runner.jar runner.properties [liquid5gc.runner.key=value ...]}:
 * serves the configured function units on loopback until stopped (Ctrl-C), then stops every process and prints the
 * counts. For measurement and tests on one machine; production scale-to-zero is Knative (the Helm chart) or Lambda.
 */
public final class FunctionRunnerMain {

    private FunctionRunnerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: function-runner CONFIG.properties [liquid5gc.runner.KEY=VALUE ...]  (README \"Functions that scale to zero\")");
            System.exit(2);
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(in);
        }
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                System.err.println(args[i] + ": expected KEY=VALUE");
                System.exit(2);
            }
            properties.setProperty(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        RunnerConfig config;
        try {
            config = RunnerConfig.parse(properties);
        } catch (IllegalArgumentException e) {
            System.err.println("function-runner: " + e.getMessage());
            System.exit(2);
            return;
        }
        run(config);
    }

    private static void run(RunnerConfig config) throws IOException, InterruptedException {
        FunctionRunner runner = FunctionRunner.start(config.settings(), config.units());
        RunnerHttpServer server = RunnerHttpServer.start(runner);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            runner.close();
            System.out.println(StatsReport.table(runner.stats()));
            stopped.countDown();
        }));
        System.out.println("function runner (measurement and tests only) on " + server.urlPattern() + " for "
                + config.units().size() + " functions; idle " + config.settings().idle().toSeconds() + " s; stats at http://127.0.0.1:"
                + server.port() + "/runner/stats; processes' logs in " + config.settings().logDirectory());
        stopped.await();
    }
}
