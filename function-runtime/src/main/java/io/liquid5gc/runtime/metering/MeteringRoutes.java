package io.liquid5gc.runtime.metering;

import io.liquid5gc.runtime.operator.OperatorAudit;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The billing report over HTTP, an operator API (function-runtime {@code operator}: the operator's token or client
 * certificate before anything else, an audit line per report):
 * {@code GET /metering/usage?from=&to=&period=&by=function|tenant&tenant=&format=csv|json}. {@code from} and {@code to}
 * are ISO-8601 instants (default: the start of this month to now), {@code period} {@code month} (default) or a duration
 * that is a multiple of the ledger bucket (PT1H, P1D). This process's own usage is added to the ledger first.
 */
final class MeteringRoutes {

    static final String BASE = "/metering";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=utf-8");
    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);

    private final TenantMeter meter;
    private final KeyValueStore store;
    private final Clock clock;

    MeteringRoutes(TenantMeter meter, KeyValueStore store, Clock clock) {
        this.meter = meter;
        this.store = store;
        this.clock = clock;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET(BASE + "/usage", this::handleUsage).GET(BASE + "/tenants", this::handleTenants).build();
    }

    private Mono<ServerResponse> handleTenants(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("tenants", meter.tenants().names(), "platform", Tenancy.PLATFORM,
                        "price", meter.properties().price(), "memoryMb", meter.properties().memoryMb()));
    }

    private Mono<ServerResponse> handleUsage(ServerRequest request) {
        MeteringProperties p = meter.properties();
        Instant now = clock.instant();
        Instant from;
        Instant to;
        BillingReport.Period period;
        BillingReport.By by;
        String tenant = request.queryParam("tenant").orElse(null);
        String format = request.queryParam("format").orElse("csv");
        try {
            from = instant(request.queryParam("from"), BillingReport.Period.parse("month", p.bucket()).startOf(now), "from");
            to = instant(request.queryParam("to"), now, "to");
            period = BillingReport.Period.parse(request.queryParam("period").orElse("month"), p.bucket());
            by = BillingReport.By.parse(request.queryParam("by").orElse("function"));
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("to must be after from");
            }
            if (tenant != null && !meter.tenants().isKnown(tenant)) {
                throw new IllegalArgumentException("no tenant named so; tenants: " + meter.tenants().names() + " and " + Tenancy.PLATFORM);
            }
            if (!format.equals("csv") && !format.equals("json")) {
                throw new IllegalArgumentException("format must be csv or json");
            }
        } catch (IllegalArgumentException e) {
            OperatorAudit.record(request, "metering.usage", null, 400);
            return problem(ProblemDetails.of(400, "Bad Request", "INVALID_QUERY_PARAM", e.getMessage()));
        }
        Instant f = from;
        Instant t = to;
        return Mono.fromCallable(() -> {
                    meter.flush(store);
                    return BillingReport.rows(UsageLedger.read(store, f, t, p.bucket()), period, by, tenant, p.price());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(rows -> {
                    OperatorAudit.record(request, "metering.usage", (tenant == null ? "all" : tenant) + " " + f + ".." + t, 200);
                    return format.equals("json")
                            ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(java.util.Map.of("rows", rows))
                            : ServerResponse.ok().contentType(CSV).bodyValue(BillingReport.csv(rows));
                })
                .onErrorResume(IllegalArgumentException.class, e -> problem(ProblemDetails.of(400, "Bad Request", "INVALID_QUERY_PARAM", e.getMessage())))
                .onErrorResume(StoreException.class, e -> problem(ProblemDetails.of(503, "Service Unavailable", "STORE_UNAVAILABLE",
                        "the usage ledger cannot be read: the store does not answer")));
    }

    private static Instant instant(Optional<String> v, Instant dflt, String name) {
        if (v.isEmpty() || v.get().isBlank()) {
            return dflt;
        }
        try {
            return Instant.parse(v.get());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static Mono<ServerResponse> problem(ProblemDetails p) {
        return ServerResponse.status(p.status()).contentType(PROBLEM).bodyValue(p);
    }

    static List<String> paths() {
        return List.of(BASE + "/usage", BASE + "/tenants");
    }
}
