package io.liquid5gc.evaluation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.orchestrator.plan.PlanSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The forecaster and planner in compressed time, on the scaler's side only (no processes). */
class ReplayControllerTest {

    @Test
    void whenTheDayIsPlayedStepByStep_thenNothingIsWarmAtNightAndTheMixIsWarmALeadBeforeTheSurge() {
        Timeline t = new Timeline(DayProfile.CAMPUS, Duration.ofSeconds(10), 1.5, 0, 24, 0.15, 4);
        List<Map<String, Integer>> asked = new ArrayList<>();
        ReplayController c = new ReplayController(t.history(19, 5), t.daySteps(), Map.of("amf-initial-registration", 4.0, "udr-data-write", 1.0),
                0.05, new PlanSettings(1, 1.0, 1.0, 40, 1), instances -> {
                    asked.add(new TreeMap<>(instances));
                    return instances;
                }, 12);
        double[] day = t.perStep(t.day(19));
        for (int j = 0; j < day.length; j++) {
            if (j > 0) {
                c.observe(day[j - 1]);
            }
            c.tick(j);
        }
        assertThat(asked).hasSize(96);
        // 00:00-02:00: the lead (3 h) reaches 05:00 at most, a quiet hour
        for (int j = 0; j < 8; j++) {
            assertThat(asked.get(j).values()).as("step %d", j).allMatch(n -> n == 0);
        }
        // before the first surge hour (06:00): both warm, so the surge finds them up
        int firstWarm = -1;
        for (int j = 0; j < 96 && firstWarm < 0; j++) {
            if (asked.get(j).get("udr-data-write") == 1) {
                firstWarm = j;
            }
        }
        assertThat(firstWarm).as("udr-data-write warmed from step").isBetween(8, 24);
        assertThat(asked.get(32)).containsEntry("amf-initial-registration", 1).containsEntry("udr-data-write", 1);   // 08:00
        assertThat(asked.get(95).get("udr-data-write")).as("23:45").isZero();
        assertThat(c.decisions()).hasSize(96);
        assertThat(c.decisions().get(32).forecastArrivals()).isGreaterThan(c.decisions().get(4).forecastArrivals());
    }
}
