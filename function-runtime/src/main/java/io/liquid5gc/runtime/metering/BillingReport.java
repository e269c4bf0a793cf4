package io.liquid5gc.runtime.metering;

import io.liquid5gc.sbi.Functions;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The billing report: the ledger's usage ({@link UsageLedger}) summed per period and tenant (and function, unless
 * {@link By#TENANT}), priced by {@link MeteringProperties.Price}: invocations / 10^6 x the price per million plus
 * GB-seconds x the price per GB-second.
 */
public final class BillingReport {

    /** How rows are grouped. */
    public enum By {
        /** One row per period, tenant and function. */
        FUNCTION,
        /** One row per period and tenant, every function summed. */
        TENANT;

        public static By parse(String s) {
            return switch (s == null ? "function" : s.toLowerCase(Locale.ROOT)) {
                case "function" -> FUNCTION;
                case "tenant" -> TENANT;
                default -> throw new IllegalArgumentException("by must be function or tenant: " + s);
            };
        }
    }

    /** A billing period: a fixed length (a multiple of the ledger bucket, aligned on the epoch in UTC) or a calendar month. */
    public record Period(Duration length, boolean calendarMonth) {

        public static Period parse(String s, Duration bucket) {
            if (s == null || s.isBlank() || s.equalsIgnoreCase("month")) {
                return new Period(null, true);
            }
            Duration d;
            try {
                d = Duration.parse(s.toUpperCase(Locale.ROOT).startsWith("P") ? s.toUpperCase(Locale.ROOT) : "PT" + s.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("period must be 'month' or an ISO-8601 duration (PT1H, P1D, 15m): " + s);
            }
            if (d.isNegative() || d.isZero() || d.toSeconds() % bucket.toSeconds() != 0) {
                throw new IllegalArgumentException("period " + s + " must be a positive multiple of the ledger bucket " + bucket);
            }
            return new Period(d, false);
        }

        Instant startOf(Instant t) {
            if (calendarMonth) {
                return ZonedDateTime.ofInstant(t, ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            long s = length.toSeconds();
            return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
        }

        Instant endOf(Instant start) {
            return calendarMonth ? ZonedDateTime.ofInstant(start, ZoneOffset.UTC).plusMonths(1).toInstant() : start.plus(length);
        }
    }

    /** One line of the report. */
    public record Row(Instant periodStart, Instant periodEnd, String tenant, String function, String nf, long invocations,
                      double executionSeconds, double gbSeconds, BigDecimal invocationCost, BigDecimal durationCost,
                      BigDecimal totalCost, String currency) {
    }

    public static final String CSV_HEADER = "period_start,period_end,tenant,function,nf,invocations,execution_seconds,"
            + "gb_seconds,invocation_cost,duration_cost,total_cost,currency";

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private BillingReport() {
    }

    /** The rows for {@code usage} ({@code tenant} null: every tenant), ordered by period, tenant, function. */
    public static List<Row> rows(List<UsageLedger.Usage> usage, Period period, By by, String tenant, MeteringProperties.Price price) {
        record Key(Instant start, String tenant, String function) {
        }
        Map<Key, long[]> sums = new TreeMap<>(Comparator.comparing(Key::start).thenComparing(Key::tenant).thenComparing(Key::function));
        for (UsageLedger.Usage u : usage) {
            if (tenant != null && !tenant.equals(u.tenant())) {
                continue;
            }
            long[] s = sums.computeIfAbsent(new Key(period.startOf(u.bucketStart()), u.tenant(), by == By.TENANT ? "all" : u.function()),
                    k -> new long[3]);
            s[0] += u.invocations();
            s[1] += u.executionNanos();
            s[2] += u.mbMicros();
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((k, s) -> {
            BigDecimal gbSeconds = BigDecimal.valueOf(s[2]).divide(BigDecimal.valueOf(1024L * 1_000_000L), MathContext.DECIMAL64);
            BigDecimal invocationCost = BigDecimal.valueOf(s[0]).multiply(price.perMillionInvocations()).divide(MILLION, MathContext.DECIMAL64);
            BigDecimal durationCost = gbSeconds.multiply(price.perGbSecond(), MathContext.DECIMAL64);
            String nf = by == By.TENANT ? "all" : Functions.byName(k.function()).map(f -> f.nf().key()).orElse("unknown");
            rows.add(new Row(k.start(), period.endOf(k.start()), k.tenant(), k.function(), nf, s[0], s[1] / 1e9,
                    gbSeconds.doubleValue(), invocationCost, durationCost, invocationCost.add(durationCost), price.currency()));
        });
        return rows;
    }

    /** The rows as CSV (RFC 4180; names are [a-z0-9-], so nothing needs quoting), header first. */
    public static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Row r : rows) {
            b.append(r.periodStart()).append(',').append(r.periodEnd()).append(',').append(r.tenant()).append(',')
                    .append(r.function()).append(',').append(r.nf()).append(',').append(r.invocations()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.executionSeconds())).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", r.gbSeconds())).append(',')
                    .append(money(r.invocationCost())).append(',').append(money(r.durationCost())).append(',')
                    .append(money(r.totalCost())).append(',').append(r.currency()).append("\r\n");
        }
        return b.toString();
    }

    private static String money(BigDecimal v) {
        return v.setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
