package io.liquid5gc.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.invoke.ServeProperties;
import io.liquid5gc.runtime.security.SecurityProperties;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.nssf.AuthorizedNetworkSliceInfo;
import io.liquid5gc.sbi.nssf.NsSelectionRequest;
import io.liquid5gc.sbi.nssf.NssfApi;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The training run over a real Netty server: the function called through HTTP with a token of the run's own key
 * (security on), then the context closed and the exit code handed over (here instead of System.exit).
 */
class TrainingRunTest {

    static final AtomicInteger EXIT = new AtomicInteger(-1);
    static final AtomicInteger CALLS = new AtomicInteger();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean(name = NssfApi.Names.SLICE_SELECT)
        Function<NsSelectionRequest, AuthorizedNetworkSliceInfo> sliceSelect(Environment env) {
            boolean refuse = env.getProperty("test.refuse", Boolean.class, false);
            return request -> {
                CALLS.incrementAndGet();
                if (refuse) {
                    throw ProblemException.badRequest("MANDATORY_QUERY_PARAM_INCORRECT", "refused for the test");
                }
                return new AuthorizedNetworkSliceInfo(List.of(), List.of(), List.of(), List.of());
            };
        }

        @Bean
        TrainingRun trainingRun(TrainingProperties training, FunctionDispatcher dispatcher, ServeProperties serve,
                                SecurityProperties security, Environment env, ResourceLoader resources) {
            return new TrainingRun(training, dispatcher, serve, security.issuer(), env, resources, Clock.systemUTC(), EXIT::set);
        }
    }

    static ConfigurableApplicationContext train(String... more) {
        EXIT.set(-1);
        CALLS.set(0);
        return new SpringApplicationBuilder(App.class).properties("server.port=0", "liquid5gc.store.memory.journal=none",
                "liquid5gc.discovery.enabled=false", "liquid5gc.training.requests=25").properties(more).run();
    }

    @Test
    void whenTrainingWithTheFunctionsTrainingRequest_thenItIsServedOverHttpWithTokensAndTheRunExitsZero() {
        ConfigurableApplicationContext app = train();
        assertThat(EXIT.get()).isZero();
        assertThat(CALLS.get()).isEqualTo(25);
        assertThat(app.isActive()).isFalse();
    }

    @Test
    void whenTheTrainingRequestIsRefused_thenTheRunExitsOne() {
        train("test.refuse=true");
        assertThat(EXIT.get()).isEqualTo(1);
        assertThat(CALLS.get()).isEqualTo(25);
    }

    @Test
    void whenTrainingIsOff_thenTheProcessServesAndDoesNotExit() {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class).properties("server.port=0",
                "liquid5gc.store.memory.journal=none", "liquid5gc.discovery.enabled=false").run();
        try {
            EXIT.set(-1);
            assertThat(app.isActive()).isTrue();
            assertThat(EXIT.get()).isEqualTo(-1);
            assertThat(app.getEnvironment().getProperty(TrainingKey.KEY_PROPERTY)).isNull();
        } finally {
            app.close();
        }
    }
}
