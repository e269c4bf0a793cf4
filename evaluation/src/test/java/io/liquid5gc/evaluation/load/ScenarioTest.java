package io.liquid5gc.evaluation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void whenTheScenariosAreListed_thenTheyAreThePapersTableIii() {
        assertThat(Scenario.IDLE.ues()).isZero();
        assertThat(Scenario.LOW).extracting(Scenario::ues, Scenario::rate, Scenario::sessions).containsExactly(100, 1.0, 1);
        assertThat(Scenario.MEDIUM).extracting(Scenario::ues, Scenario::rate, Scenario::sessions).containsExactly(500, 5.0, 2);
        assertThat(Scenario.HIGH).extracting(Scenario::ues, Scenario::rate, Scenario::sessions).containsExactly(1000, 20.0, 3);
        assertThat(Scenario.BURST).extracting(Scenario::ues, Scenario::rate, Scenario::sessions).containsExactly(500, 50.0, 2);
        assertThat(Scenario.BURST.paperDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void whenTheDurationIsScaled_thenItIsAtLeastOneSecond() {
        assertThat(Scenario.LOW.duration(0.05)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Scenario.BURST.duration(0.0001)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void whenAScenarioIsUnknown_thenTheErrorNamesTheKnownOnes() {
        assertThatThrownBy(() -> Scenario.of("huge")).hasMessageContaining("idle, low, medium, high, burst");
    }
}
