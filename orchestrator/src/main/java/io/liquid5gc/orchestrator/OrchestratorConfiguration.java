package io.liquid5gc.orchestrator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.liquid5gc.orchestrator.plan.PlanSettings;
import io.liquid5gc.orchestrator.prewarm.HistorySource;
import io.liquid5gc.orchestrator.prewarm.KnativeScaler;
import io.liquid5gc.orchestrator.prewarm.LedgerHistorySource;
import io.liquid5gc.orchestrator.prewarm.PrewarmController;
import io.liquid5gc.orchestrator.prewarm.RunnerScaler;
import io.liquid5gc.orchestrator.prewarm.Scaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The controller's beans: history from the core's ledger, the scaler of the target, a tick every step. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrewarmProperties.class)
class OrchestratorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrchestratorConfiguration.class);

    @Bean
    Clock orchestratorClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Ticker prewarmTicker(PrewarmProperties p, Clock clock) {
        if (!p.enabled()) {
            return new Ticker(null, p.step(), clock);
        }
        HistorySource history = new LedgerHistorySource(p.meteringUrl(), () -> token(p));
        Scaler scaler = switch (p.target()) {
            case "knative" -> {
                KubernetesClient client = new KubernetesClientBuilder().build();
                String ns = p.namespace() != null ? p.namespace() : client.getNamespace() != null ? client.getNamespace() : "default";
                yield new KnativeScaler(client, ns);
            }
            case "runner" -> new RunnerScaler(p.runnerUrl());
            default -> instances -> Map.of();
        };
        PrewarmController controller = new PrewarmController(history, scaler, new PrewarmController.Settings(p.step(), p.lead(), p.lookback(),
                new PlanSettings(p.concurrency(), p.headroom(), p.minInvocations(), p.budget(), p.maxPerFunction())), clock);
        return new Ticker(controller, p.step(), clock);
    }

    @Bean
    RouterFunction<ServerResponse> prewarmRoutes(Ticker ticker) {
        return RouterFunctions.route().GET("/prewarm/plan", r -> {
            PrewarmController.Decision d = ticker.controller() == null ? null : ticker.controller().last();
            return d == null ? ServerResponse.status(404).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("detail", "no plan yet"))
                    : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(d);
        }).build();
    }

    private static String token(PrewarmProperties p) {
        if (p.tokenFile() != null) {
            try {
                return Files.readString(p.tokenFile()).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("liquid5gc.prewarm.token-file " + p.tokenFile(), e);
            }
        }
        return System.getenv("LIQUID5GC_OPERATOR_TOKEN");
    }

    /** Ticks the controller at the start of every step (and once at start-up; a failed tick again after a minute), on a virtual thread. */
    static final class Ticker implements AutoCloseable {
        private final PrewarmController controller;
        private final Thread thread;

        Ticker(PrewarmController controller, Duration step, Clock clock) {
            this.controller = controller;
            this.thread = controller == null ? null : Thread.ofVirtual().name("liquid5gc-prewarm").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    boolean failed = false;
                    try {
                        PrewarmController.Decision d = controller.tick();
                        log.info("prewarm plan {}..{}: {} (applied {}; held-out-day MAPE {}; skipped {})", d.plan().from(), d.plan().to(),
                                d.plan().instances(), d.applied(), d.heldOutDayMape(), d.skipped());
                    } catch (RuntimeException e) {
                        log.warn("prewarm tick failed (again in a minute): {}", e.toString());
                        failed = true;
                    }
                    long ms = step.toMillis();
                    long now = clock.millis();
                    try {
                        Thread.sleep(failed ? Math.min(60_000, ms) : ms - Math.floorMod(now, ms) + 1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        PrewarmController controller() {
            return controller;
        }

        @Override
        public void close() {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
