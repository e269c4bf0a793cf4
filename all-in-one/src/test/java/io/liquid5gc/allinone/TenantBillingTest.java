package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.allinone.TenantTraffic.Tenant;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.runtime.metering.BillingCli;
import io.liquid5gc.runtime.metering.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The billing report of two tenants on two slices: two UEs of campus-a and one of campus-b register and establish a
 * PDU session; the report (REST, operator-authenticated, and the CLI) lists per tenant and function what the metering
 * counters counted, the tenants and the platform add up to every invocation the dispatcher served, and each line is
 * priced by the configured model (here not Lambda's, to show it is the configuration that prices).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liquid5gc.operator.token=" + TenantBillingTest.TOKEN, "liquid5gc.operator.token-file=target/tenant-billing-test.token",
        "liquid5gc.metering.api-enabled=true", "liquid5gc.metering.function-memory-mb.smf-pdu-session-create=2048",
        "liquid5gc.metering.price.per-million-invocations=0.25", "liquid5gc.metering.price.per-gb-second=0.00002",
        "liquid5gc.metering.price.currency=EUR"})
@TestPropertySource(locations = "classpath:tenants.properties")
class TenantBillingTest {

    static final String TOKEN = "tenant-billing-test-operator-token-0123456789";
    private static final BigDecimal PER_MILLION = new BigDecimal("0.25");
    private static final BigDecimal PER_GB_SECOND = new BigDecimal("0.00002");

    @Autowired
    N2Server n2;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A CSV line of the report. */
    record Line(String tenant, String function, String nf, long invocations, double executionSeconds, double gbSeconds,
                BigDecimal invocationCost, BigDecimal durationCost, BigDecimal totalCost, String currency) {
    }

    @Test
    void whenTwoTenantsUseTheCore_thenTheReportBillsEachForItsInvocationsAndTheTotalsAddUp() throws Exception {
        try (SimGnb gnb = TenantTraffic.gnb()) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            Map<String, Long> before = TenantTraffic.invocations(meters);
            TenantTraffic.registerAndEstablish(gnb, Tenant.A, 0);
            before = TenantTraffic.awaitSettled(meters, before);
            TenantTraffic.registerAndEstablish(gnb, Tenant.A, 1);
            before = TenantTraffic.awaitSettled(meters, before);
            TenantTraffic.registerAndEstablish(gnb, Tenant.B, 0);
            TenantTraffic.awaitSettled(meters, before);
        }
        Map<String, Long> served = TenantTraffic.invocations(meters);
        String from = Instant.now().minus(Duration.ofDays(2)).toString();
        String to = Instant.now().plus(Duration.ofHours(2)).toString();

        // per tenant and function: what the metering counters counted, priced
        String csv = get("/metering/usage?from=" + from + "&to=" + to + "&period=P1D&by=function", TOKEN).body();
        List<Line> byFunction = parse(csv);
        for (String tenant : List.of(Tenant.A.label, Tenant.B.label, Tenancy.PLATFORM)) {
            Map<String, Long> reported = new HashMap<>();
            byFunction.stream().filter(l -> l.tenant().equals(tenant)).forEach(l -> reported.merge(l.function(), l.invocations(), Long::sum));
            assertThat(reported).as(tenant).isEqualTo(TenantTraffic.metered(meters, tenant));
        }
        assertThat(byFunction).allSatisfy(l -> {
            assertThat(l.currency()).isEqualTo("EUR");
            BigDecimal invocationCost = BigDecimal.valueOf(l.invocations()).multiply(PER_MILLION).divide(BigDecimal.valueOf(1_000_000));
            assertThat(l.invocationCost()).isEqualByComparingTo(invocationCost.setScale(10, java.math.RoundingMode.HALF_UP));
            BigDecimal durationCost = new BigDecimal(l.gbSeconds()).multiply(PER_GB_SECOND, MathContext.DECIMAL64);
            assertThat(l.durationCost().subtract(durationCost).abs()).as("duration cost of " + l).isLessThan(new BigDecimal("1e-9"));
            assertThat(l.totalCost()).isEqualByComparingTo(l.invocationCost().add(l.durationCost()));
        });
        // the SMF's create is billed at 2048 MB: at least 2 GB x 1 ms per invocation
        assertThat(byFunction).filteredOn(l -> l.function().equals("smf-pdu-session-create"))
                .allSatisfy(l -> assertThat(l.gbSeconds()).isGreaterThanOrEqualTo(l.invocations() * 0.002 - 1e-6));

        // per tenant: campus-a did twice what campus-b did; tenants + platform = every invocation served
        List<Line> byTenant = parse(get("/metering/usage?from=" + from + "&to=" + to + "&period=P1D&by=tenant", TOKEN).body());
        Map<String, Long> perTenant = new HashMap<>();
        byTenant.forEach(l -> perTenant.merge(l.tenant(), l.invocations(), Long::sum));
        assertThat(perTenant.get(Tenant.A.label)).isEqualTo(2 * perTenant.get(Tenant.B.label));
        assertThat(perTenant.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(served.values().stream().mapToLong(Long::longValue).sum());
        BigDecimal sumOfFunctions = byFunction.stream().filter(l -> l.tenant().equals(Tenant.B.label)).map(Line::totalCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tenantLine = byTenant.stream().filter(l -> l.tenant().equals(Tenant.B.label)).map(Line::totalCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(tenantLine.subtract(sumOfFunctions).abs()).isLessThan(new BigDecimal("1e-8"));

        // the CLI prints the same report
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BillingCli.run(new String[] {"--url", "http://127.0.0.1:" + port, "report", "--from", from, "--to", to,
                "--period", "P1D", "--by", "tenant", "--tenant", Tenant.B.label}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("LIQUID5GC_OPERATOR_TOKEN", TOKEN));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Line> cli = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(cli).singleElement().satisfies(l -> {
            assertThat(l.tenant()).isEqualTo(Tenant.B.label);
            assertThat(l.invocations()).isEqualTo(perTenant.get(Tenant.B.label));
        });
    }

    @Test
    void whenTheReportIsAskedWithoutTheOperatorTokenOrBadly_thenItIsRefusedWithAProblem() throws Exception {
        assertThat(get("/metering/usage", null).statusCode()).isEqualTo(401);
        assertThat(get("/metering/usage", "not-the-token").statusCode()).isEqualTo(401);
        HttpResponse<String> badPeriod = get("/metering/usage?period=PT7M", TOKEN);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("INVALID_QUERY_PARAM").contains("multiple of the ledger bucket");
        assertThat(get("/metering/usage?tenant=nobody", TOKEN).body()).contains("no tenant named so");
        assertThat(get("/metering/usage?from=yesterday", TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/metering/tenants", TOKEN).body()).contains("campus-a").contains("campus-b").contains("EUR");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<Line> parse(String csv) {
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("period_start,period_end,tenant,function,nf,invocations,execution_seconds,gb_seconds,"
                + "invocation_cost,duration_cost,total_cost,currency");
        List<Line> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            assertThat(f).hasSize(12);
            out.add(new Line(f[2], f[3], f[4], Long.parseLong(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    new BigDecimal(f[8]), new BigDecimal(f[9]), new BigDecimal(f[10]), f[11]));
        }
        return out;
    }
}
