package io.liquid5gc.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SingleFunctionDeploymentTest {

    /** An application holding two contract functions and a bean that is not one. */
    @Configuration(proxyBeanMethods = false)
    static class TwoFunctions {
        @Bean(name = "pcf-policy-create")
        Function<Object, Object> policyCreate() {
            return in -> "created";
        }

        @Bean(name = "pcf-policy-get")
        Function<Object, Object> policyGet() {
            return in -> "got";
        }

        @Bean
        String notAFunction() {
            return "kept";
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(SingleFunctionDeployment.class).withUserConfiguration(TwoFunctions.class);

    @Test
    void whenServeFunctionNamesOneFunction_thenOnlyItIsDeployedAndOtherBeansStay() {
        runner.withPropertyValues("liquid5gc.serve.function=pcf-policy-get").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.containsBean("pcf-policy-get")).isTrue();
            assertThat(context.containsBean("pcf-policy-create")).isFalse();
            assertThat(context.getBean("notAFunction")).isEqualTo("kept");
        });
    }

    @Test
    void whenNothingNamesAUnitFunction_thenEveryFunctionIsDeployed() {
        runner.run(context -> {
            assertThat(context.containsBean("pcf-policy-get")).isTrue();
            assertThat(context.containsBean("pcf-policy-create")).isTrue();
        });
    }

    @Test
    void whenLambdasFunctionDefinitionNamesOneContractFunction_thenOnlyItIsDeployed() {
        runner.withPropertyValues("spring.cloud.function.definition=pcf-policy-create").run(context -> {
            assertThat(context.containsBean("pcf-policy-create")).isTrue();
            assertThat(context.containsBean("pcf-policy-get")).isFalse();
        });
        // a composition is not a unit of one function: nothing removed
        runner.withPropertyValues("spring.cloud.function.definition=pcf-policy-create|pcf-policy-get").run(context -> {
            assertThat(context.containsBean("pcf-policy-create")).isTrue();
            assertThat(context.containsBean("pcf-policy-get")).isTrue();
        });
    }

    @Test
    void whenServeFunctionIsNotAContractFunction_thenStartFailsNamingIt() {
        runner.withPropertyValues("liquid5gc.serve.function=pcf-policy-gte").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("liquid5gc.serve.function=pcf-policy-gte: not one of the 31 functions"));
    }

    @Test
    void whenServeFunctionIsAnotherNfsFunction_thenStartFailsSayingThisApplicationDoesNotContainIt() {
        runner.withPropertyValues("liquid5gc.serve.function=udm-generate-auth-data").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("this application does not contain it"));
    }
}
