package io.liquid5gc.orchestrator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.orchestrator.plan.Demand;
import io.liquid5gc.orchestrator.plan.PlanSettings;
import io.liquid5gc.orchestrator.plan.WarmPlan;
import io.liquid5gc.orchestrator.plan.WarmPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forecaster replays a known pattern: two weeks of a campus (quiet night, morning surge, lunch dip, quiet weekend;
 * 6 % noise from a fixed seed) to fit on, the third week held out and forecast one hour ahead, interval by interval.
 */
class HoltWintersForecastTest {

    private static final int WEEK = 7 * 96;
    private static final int ONE_HOUR_AHEAD = 4;

    @Test
    void whenTwoWeeksOfCampusTrafficAreReplayed_thenTheHeldOutWeekIsForecastWithinTenPercentMape() {
        RateSeries history = CampusTraffic.weeks(3, 1200, 42);
        ForecastEvaluation e = ForecastEvaluation.of(history, 2 * WEEK, ONE_HOUR_AHEAD, 1);
        System.out.printf("held-out week, 1 h ahead: MAPE %.2f %% (seasonal naive, a week earlier: %.2f %%), parameters %s%n",
                100 * e.mape(), 100 * e.naiveWeeklyMape(), e.parameters());
        assertThat(e.scored()).isEqualTo(WEEK);
        assertThat(e.mape()).isLessThan(0.10);
        // the noise alone is 6 %: the smoothed seasons do better than repeating last week's noisy counts
        assertThat(e.mape()).isLessThan(e.naiveWeeklyMape());

        // the surge and the weekend are in the forecast: the held-out week's mornings (07:30-09:30) as they are, within 10 %
        for (int day = 0; day < 7; day++) {
            double forecast = 0;
            double expected = 0;
            for (int i = day * 96 + 30; i < day * 96 + 38; i++) {
                forecast += e.forecasts()[i];
                expected += CampusTraffic.expected(history.timeOf(2 * WEEK + i), 1200);
            }
            System.out.printf("day %d morning: forecast %.0f, pattern %.0f%n", day, forecast, expected);
            assertThat(forecast).as("morning of day " + day).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(10));
        }
        int mondaySurge = 34;                                  // 08:30 is interval 34 of the day
        int saturdaySurge = 5 * 96 + 34;
        assertThat(e.forecasts()[saturdaySurge]).isLessThan(0.3 * e.forecasts()[mondaySurge]);
        int night = 3 * 4;                                     // 03:00
        assertThat(e.forecasts()[night]).isBetween(15.0, 50.0);
    }

    @Test
    void whenTheDayIsReplayedInCompressedTime_thenTheSeasonsGivenInStepsForecastItAsWell() {
        // the same campus, one 15-minute interval per second: a "day" of 96 one-second steps, a "week" of 672
        RateSeries real = CampusTraffic.weeks(3, 1200, 42);
        RateSeries compressed = new RateSeries(Instant.EPOCH, Duration.ofSeconds(1), real.slice(0, real.size()).counts());
        ForecastEvaluation weekly = ForecastEvaluation.of(compressed, 2 * WEEK, 1, 1, 96, WEEK);
        assertThat(weekly.mape()).isLessThan(0.10);
        // a daily season alone (week = day) cannot tell the weekend: worse on the held-out week
        ForecastEvaluation daily = ForecastEvaluation.of(compressed, 2 * WEEK, 1, 1, 96, 96);
        System.out.printf("compressed time: MAPE %.2f %% with the weekly season, %.2f %% with the daily alone%n",
                100 * weekly.mape(), 100 * daily.mape());
        assertThat(daily.mape()).isGreaterThan(weekly.mape());
        assertThatThrownBy(() -> HoltWinters.fit(compressed, 96, 100)).hasMessageContaining("multiple");
    }

    @Test
    void whenTheModelIsAskedWhy_thenLevelDailyAndWeeklyFactorsMakeTheForecast() {
        HoltWinters m = HoltWinters.fit(CampusTraffic.weeks(2, 1200, 7));
        HoltWinters.Explanation x = m.explain(35);            // Monday 08:30 of the third week
        assertThat((1 + x.level()) * x.dailyFactor() * x.weeklyFactor() - 1).isCloseTo(x.forecast(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(x.dailyFactor()).as("mornings are busier than the mean").isGreaterThan(2);
        assertThat(java.util.Arrays.stream(m.forecast(1, 96)).min().orElseThrow()).isNotNegative();
        assertThatThrownBy(() -> HoltWinters.train(CampusTraffic.weeks(1, 1200, 7).slice(0, 100), new HoltWinters.Parameters(0.1, 0.1, 0.1)))
                .hasMessageContaining("at least one week");
    }

    @Test
    void whenTheForecastBecomesAPlan_thenTheSurgeGetsMoreWarmInstancesThanTheNightWithinTheBudget() {
        HoltWinters m = HoltWinters.fit(CampusTraffic.weeks(2, 1200, 42));
        WarmPlanner planner = new WarmPlanner(new PlanSettings(1, 1.5, 1, 6, 5));
        Duration step = Duration.ofMinutes(15);
        Instant third = CampusTraffic.MONDAY.plus(Duration.ofDays(14));
        // 2 s per invocation, one at a time per instance: 1,200 per 15 min is 2.7 busy instances, x 1.5 = 4
        double surge = m.forecast(35);
        WarmPlan morning = planner.plan(third.plus(step.multipliedBy(34)), step, List.of(
                new Demand("amf-initial-registration", surge, 2.0), new Demand("nrf-discover", 0.2, 0.01)));
        assertThat(morning.instances()).containsEntry("amf-initial-registration", 4).containsEntry("nrf-discover", 0);
        WarmPlan night = planner.plan(third.plus(step.multipliedBy(12)), step, List.of(new Demand("amf-initial-registration", m.forecast(13), 2.0)));
        assertThat(night.instances()).containsEntry("amf-initial-registration", 1);
        // a budget smaller than the demand: everyone wanting one gets one, the rest to the most unmet
        WarmPlan tight = new WarmPlanner(new PlanSettings(1, 1.5, 1, 3, 5)).plan(third, step, List.of(
                new Demand("a", surge, 2.0), new Demand("b", surge / 2, 2.0), new Demand("c", 5, 0.01)));
        assertThat(tight.instances()).containsEntry("a", 1).containsEntry("b", 1).containsEntry("c", 1);
        assertThat(tight.total()).isEqualTo(3);
        WarmPlan four = new WarmPlanner(new PlanSettings(1, 1.5, 1, 4, 5)).plan(third, step, List.of(
                new Demand("a", surge, 2.0), new Demand("b", surge / 2, 2.0), new Demand("c", 5, 0.01)));
        assertThat(four.instances()).containsEntry("a", 2);
    }
}
