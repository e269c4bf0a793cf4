package io.liquid5gc.runtime.metering;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pay-per-use metering ({@code liquid5gc.metering.*}): every function invocation is counted for its tenant as an
 * invocation, its execution time and its GB-seconds (the memory configured for the function times its duration rounded
 * up to {@code granularity}, as FaaS platforms bill).
 *
 * @param enabled         false: no metering counters and no usage ledger
 * @param memoryMb        memory billed per function instance [1024, the MemorySize of deploy/aws/template.yaml]
 * @param nfMemoryMb      per NF ({@code liquid5gc.metering.nf-memory-mb.smf=2048})
 * @param functionMemoryMb per function, before the NF's ({@code liquid5gc.metering.function-memory-mb.nrf-discover=512})
 * @param granularity     billed duration rounded up to this per invocation [1 ms, as AWS Lambda]
 * @param bucket          the usage ledger's period: the finest period a billing report can show [1 h]
 * @param flushInterval   how often this process adds its usage to the store's ledger [10 s]
 * @param apiEnabled      serve the billing report under {@code /metering/} (an operator API) [false; the all-in-one: true]
 * @param price           the price model of the billing report
 */
@ConfigurationProperties("liquid5gc.metering")
public record MeteringProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1024") int memoryMb,
                                 Map<String, Integer> nfMemoryMb, Map<String, Integer> functionMemoryMb,
                                 @DefaultValue("1ms") Duration granularity, @DefaultValue("1h") Duration bucket,
                                 @DefaultValue("10s") Duration flushInterval, @DefaultValue("false") boolean apiEnabled,
                                 @DefaultValue Price price) {

    public MeteringProperties {
        nfMemoryMb = nfMemoryMb == null ? Map.of() : Map.copyOf(nfMemoryMb);
        functionMemoryMb = functionMemoryMb == null ? Map.of() : Map.copyOf(functionMemoryMb);
        Objects.requireNonNull(granularity, "liquid5gc.metering.granularity");
        Objects.requireNonNull(bucket, "liquid5gc.metering.bucket");
        Objects.requireNonNull(flushInterval, "liquid5gc.metering.flush-interval");
        Objects.requireNonNull(price, "liquid5gc.metering.price");
        if (memoryMb <= 0 || nfMemoryMb.values().stream().anyMatch(m -> m <= 0) || functionMemoryMb.values().stream().anyMatch(m -> m <= 0)) {
            throw new IllegalArgumentException("liquid5gc.metering: memory-mb values must be positive");
        }
        if (granularity.isNegative() || granularity.isZero() || bucket.toSeconds() < 1 || bucket.toSeconds() > 86_400
                || 86_400 % bucket.toSeconds() != 0) {
            throw new IllegalArgumentException("liquid5gc.metering: granularity must be positive and bucket a whole number of "
                    + "seconds dividing a day (1m, 5m, 15m, 1h, ...): " + granularity + ", " + bucket);
        }
    }

    /** The defaults (tests, benchmarks). */
    public static MeteringProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.metering", MeteringProperties.class);
    }

    /** The memory billed for one function. */
    public int memoryMbOf(String function, String nf) {
        Integer m = functionMemoryMb.get(function);
        if (m == null) {
            m = nfMemoryMb.get(nf);
        }
        return m == null ? memoryMb : m;
    }

    /**
     * The price model ({@code liquid5gc.metering.price.*}): per million invocations plus per GB-second. The defaults are
     * AWS Lambda's public on-demand prices (x86, us-east-1, first tier): USD 0.20 per million requests and
     * USD 0.0000166667 per GB-second.
     */
    public record Price(@DefaultValue("0.20") BigDecimal perMillionInvocations, @DefaultValue("0.0000166667") BigDecimal perGbSecond,
                        @DefaultValue("USD") String currency) {

        public static final Price LAMBDA_X86 = new Price(new BigDecimal("0.20"), new BigDecimal("0.0000166667"), "USD");

        public Price {
            if (perMillionInvocations == null || perGbSecond == null || perMillionInvocations.signum() < 0 || perGbSecond.signum() < 0) {
                throw new IllegalArgumentException("liquid5gc.metering.price: prices must be zero or positive");
            }
            Objects.requireNonNull(currency, "liquid5gc.metering.price.currency");
            currency = currency.isBlank() ? "USD" : currency; // as before: blank means the default
        }
    }
}
