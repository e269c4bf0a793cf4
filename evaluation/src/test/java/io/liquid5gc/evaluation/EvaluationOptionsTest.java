package io.liquid5gc.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.load.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvaluationOptionsTest {

    @Test
    void whenNothingIsGiven_thenItIsThePapersFullEvaluation() {
        EvaluationOptions o = EvaluationOptions.parse(new String[0]);
        assertThat(o.scenarios()).containsExactly(Scenario.values());
        assertThat(o.deployments()).containsExactly(DeploymentKind.values());
        assertThat(o.repetitions()).isEqualTo(3);
        assertThat(o.shortMode()).isFalse();
    }

    @Test
    void whenOptionsAreGiven_thenTheyAreUsed() {
        EvaluationOptions o = EvaluationOptions.parse(new String[] {"--scenarios", "low,medium", "--deployments=in-process,hybrid",
                "--repetitions", "2", "--duration-scale", "0.05", "--unit-idle", "15s", "--cost.platform-gb", "0.4"});
        assertThat(o.scenarios()).containsExactly(Scenario.LOW, Scenario.MEDIUM);
        assertThat(o.deployments()).containsExactly(DeploymentKind.IN_PROCESS, DeploymentKind.HYBRID);
        assertThat(o.repetitions()).isEqualTo(2);
        assertThat(o.shortMode()).isTrue();
        assertThat(o.unitIdle()).isEqualTo(Duration.ofSeconds(15));
        assertThat(o.costOverrides()).containsEntry("platform-gb", 0.4);
    }

    @Test
    void whenAnOptionIsUnknownOrMalformed_thenTheErrorSaysWhich() {
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--colour", "red"})).hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--repetitions", "x"})).hasMessageContaining("--repetitions: not a number");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--deployments", "k8s"})).hasMessageContaining("in-process, http, hybrid, functions");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--cost.price", "1"})).hasMessageContaining("unknown option --cost.price");
    }
}
