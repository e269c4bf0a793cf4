package io.liquid5gc.orchestrator.forecast;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;

/**
 * A known synthetic pattern: a campus's invocations of one function per interval. Weekdays: a quiet night (30 per 15
 * minutes), a morning surge to 1,200 around 08:30, a working day near 700 with a lunch dip to 350 (12:00-13:30), the
 * evening decline; weekends at a fifth of that. Multiplicative Gaussian noise (6 %) from a fixed seed.
 */
public final class CampusTraffic {

    public static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");

    private CampusTraffic() {
    }

    /** The noise-free count of the 15-minute interval starting at {@code t}, scaled by {@code peak / 1200}. */
    public static double expected(Instant t, double peak) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        double hour = z.getHour() + z.getMinute() / 60.0;
        double day;
        if (hour < 6.5) {
            day = 30;
        } else if (hour < 8.5) {
            day = 30 + (1200 - 30) * (hour - 6.5) / 2.0;             // morning surge
        } else if (hour < 10) {
            day = 1200 - (1200 - 700) * (hour - 8.5) / 1.5;
        } else if (hour < 12) {
            day = 700;
        } else if (hour < 13.5) {
            day = 350;                                               // lunch dip
        } else if (hour < 17) {
            day = 650;
        } else if (hour < 22) {
            day = 650 - (650 - 30) * (hour - 17) / 5.0;              // evening decline
        } else {
            day = 30;
        }
        boolean weekend = z.getDayOfWeek() == DayOfWeek.SATURDAY || z.getDayOfWeek() == DayOfWeek.SUNDAY;
        return (weekend ? Math.max(30, day / 5) : day) * peak / 1200;
    }

    /** {@code weeks} weeks of 15-minute counts from a Monday, with noise from {@code seed}. */
    public static RateSeries weeks(int weeks, double peak, long seed) {
        Random random = new Random(seed);
        Duration step = Duration.ofMinutes(15);
        double[] counts = new double[weeks * 7 * 96];
        for (int i = 0; i < counts.length; i++) {
            double noise = 1 + 0.06 * random.nextGaussian();
            counts[i] = Math.max(0, Math.round(expected(MONDAY.plus(step.multipliedBy(i)), peak) * noise));
        }
        return new RateSeries(MONDAY, step, counts);
    }
}
