package io.liquid5gc.evaluation.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.evaluation.EvaluationOptions;
import io.liquid5gc.orchestrator.forecast.RateSeries;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Timeline DAY = new Timeline(DayProfile.CAMPUS, Duration.ofSeconds(10), 2.0, 0, 24, 0.15, 4);

    @Test
    void whenTheCampusProfileIsRead_thenTheNightIsQuietTheSurgeIsThePeakAndLunchDips() {
        DayProfile p = DayProfile.CAMPUS;
        assertThat(p.peakHour()).isEqualTo(8);
        assertThat(p.phase(8)).isEqualTo(DayProfile.Phase.SURGE);
        for (int h : p.hoursOf(DayProfile.Phase.NIGHT)) {
            assertThat(p.relativeRate(h)).as("night hour %d", h).isLessThan(0.05);
        }
        double lunch = p.hoursOf(DayProfile.Phase.LUNCH).stream().mapToDouble(p::relativeRate).max().orElseThrow();
        assertThat(lunch).isLessThan(p.relativeRate(11)).isLessThan(p.relativeRate(14));
        assertThat(p.relativeRate(17)).isGreaterThan(p.relativeRate(19)).isGreaterThan(p.relativeRate(21));
        assertThat(DayProfile.of("campus")).isSameAs(p);
        assertThatThrownBy(() -> DayProfile.of("stadium")).hasMessageContaining("known: campus");
    }

    @Test
    void whenADayIsDrawnFromASeed_thenItIsTheSameDayEveryTimeAndAnotherSeedIsAnotherDay() {
        assertThat(DAY.day(19)).isEqualTo(DAY.day(19));
        assertThat(DAY.day(19)).isNotEqualTo(DAY.day(20));
        long[] d = DAY.day(19);
        for (int i = 1; i < d.length; i++) {
            assertThat(d[i]).isGreaterThanOrEqualTo(d[i - 1]);
        }
        assertThat(d[d.length - 1]).isLessThan(24 * 10_000L);
    }

    @Test
    void whenThereIsNoNoise_thenEachHourHasItsExpectedArrivalsSpreadOverIt() {
        Timeline exact = new Timeline(DayProfile.CAMPUS, Duration.ofSeconds(10), 2.0, 0, 24, 0, 4);
        long[] d = exact.day(1);
        int[] perHour = new int[24];
        for (long t : d) {
            perHour[(int) (t / 10_000)]++;
        }
        assertThat(perHour[8]).isEqualTo(20);     // 1.0 x 2/s x 10 s
        assertThat(perHour[12]).isEqualTo(5);     // lunch: 0.25 x 20
        assertThat(perHour[2]).isZero();
        assertThat(Arrays.stream(perHour).sum()).isEqualTo(d.length);
        assertThat(exact.expectedArrivals(7)).isCloseTo(13.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void whenAWindowOfHoursIsReplayed_thenItsArrivalsStartFromTheWindowAndFitItsLength() {
        Timeline morning = new Timeline(DayProfile.CAMPUS, Duration.ofSeconds(10), 2.0, 5, 11, 0.15, 4);
        long[] w = morning.replayed(19);
        long[] all = morning.day(19);
        long inWindow = Arrays.stream(all).filter(t -> t >= 50_000 && t < 110_000).count();
        assertThat(w).hasSize((int) inWindow);
        assertThat(Arrays.stream(w).allMatch(t -> t >= 0 && t < morning.length().toMillis())).isTrue();
        assertThat(morning.hourAt(0)).isEqualTo(5);
        assertThat(morning.hourAt(35_000)).isEqualTo(8);
        assertThat(morning.step()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void whenTheHistoryIsMade_thenItHoldsTheEarlierDaysAndTheMorningBeforeTheWindowButNeverTheReplayedDay() {
        Timeline morning = new Timeline(DayProfile.CAMPUS, Duration.ofSeconds(10), 2.0, 5, 11, 0.15, 4);
        RateSeries h = morning.history(19, 3);
        assertThat(h.size()).isEqualTo(3 * 96 + 5 * 4);
        assertThat(h.start().toEpochMilli()).isZero();
        assertThat(h.step()).isEqualTo(Duration.ofMillis(2500));
        double[] evaluated = morning.perStep(morning.day(19));
        for (int d = 0; d < 3; d++) {
            double[] block = Arrays.copyOfRange(h.counts(), d * 96, (d + 1) * 96);
            assertThat(block).as("day %d of the history", d).isEqualTo(morning.perStep(morning.day(19 + d + 1)));
            assertThat(block).isNotEqualTo(evaluated);
        }
        double total = Arrays.stream(h.counts()).sum();
        assertThat(total).isPositive();
    }

    @Test
    void whenTheOptionsAreWrong_thenTheErrorSaysWhat() {
        assertThatThrownBy(() -> new Timeline(DayProfile.CAMPUS, Duration.ofSeconds(10), 1, 10, 5, 0.1, 4)).hasMessageContaining("0 <= from < to <= 24");
        assertThatThrownBy(() -> new Timeline(DayProfile.CAMPUS, Duration.ofMillis(1001), 1, 0, 24, 0.1, 4)).hasMessageContaining("divide");
        assertThatThrownBy(() -> new Timeline(DayProfile.CAMPUS, Duration.ofSeconds(10), 0, 0, 24, 0.1, 4)).hasMessageContaining("peak rate");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--replay-hour", "5s"})).hasMessageContaining("need --replay");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--replay", "campus", "--replay-hours", "9"})).hasMessageContaining("FROM-TO");
    }

    @Test
    void whenTheCommandLineAsksForAReplay_thenItsOptionsAreParsed() {
        EvaluationOptions o = EvaluationOptions.parse(new String[] {"--replay", "campus", "--replay-hour", "5s", "--replay-hours", "4-12",
                "--replay-peak-rate", "1.5", "--replay-lead", "1.5", "--replay-seed", "7", "--unit-idle", "20s"});
        ReplayOptions r = o.replay();
        assertThat(r.profile()).isEqualTo(DayProfile.CAMPUS);
        assertThat(r.hour()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.fromHour()).isEqualTo(4);
        assertThat(r.toHour()).isEqualTo(12);
        assertThat(r.peakRate()).isEqualTo(1.5);
        assertThat(r.leadSteps()).isEqualTo(6);
        assertThat(r.seed()).isEqualTo(7);
        assertThat(o.unitIdle()).isEqualTo(Duration.ofSeconds(20));
        assertThat(EvaluationOptions.parse(new String[0]).replay()).isNull();
    }
}
