package io.liquid5gc.console;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.placement.PlacementProperties;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where each NF's functions run as this process sees it: the placement its callers use ({@code liquid5gc.nf.<nf>.*},
 * {@code liquid5gc.function.<name>.*}) and where that is (in this process, the NF's URL, the FaaS URL pattern), whether
 * the function is deployed here, what this process served ({@code liquid5gc.function.invocations}) and called
 * ({@code liquid5gc.function.calls}), and the process's cold start (the dispatcher's first invocation,
 * {@code liquid5gc.function.cold.starts}, {@code liquid5gc.process.first.invocation}). Read-only; URLs lose any user
 * info before they are shown.
 */
final class PlacementView {

    /** What one function's calls and invocations came to in this process. */
    record Traffic(long count, double meanMs, long notSuccessful) {
        static final Traffic NONE = new Traffic(0, 0, 0);
    }

    record FunctionPlacement(String function, Placement placement, String target, boolean deployedHere, Traffic served, Traffic called,
                             boolean coldStartHere) {
    }

    record NfPlacement(String nf, Placement placement, boolean enabled, List<FunctionPlacement> functions) {
    }

    record View(Double firstInvocationSeconds, List<NfPlacement> nfs) {
    }

    private final PlacementProperties properties;
    private final FunctionDispatcher dispatcher;
    private final MeterRegistry meters;

    PlacementView(PlacementProperties properties, FunctionDispatcher dispatcher, MeterRegistry meters) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.meters = meters;
    }

    View view() {
        List<NfPlacement> nfs = new ArrayList<>();
        for (NfType nf : NfType.values()) {
            PlacementProperties.NfSettings own = properties.of(nf);
            List<FunctionPlacement> functions = new ArrayList<>();
            for (FunctionSpec<?, ?> spec : Functions.of(nf)) {
                PlacementProperties.NfSettings s = properties.of(spec);
                functions.add(new FunctionPlacement(spec.name(), s.placement(), target(spec, s), dispatcher.isDeployed(spec.name()),
                        traffic(meters.find("liquid5gc.function.invocations").tag("function", spec.name()).timers()),
                        traffic(meters.find("liquid5gc.function.calls").tag("function", spec.name()).timers()),
                        meters.find("liquid5gc.function.cold.starts").tag("function", spec.name()).counters().stream()
                                .mapToDouble(Counter::count).sum() > 0));
            }
            nfs.add(new NfPlacement(nf.key(), own.placement(), own.enabled(), functions));
        }
        var first = meters.find("liquid5gc.process.first.invocation").gauge();
        Double firstSeconds = first == null || Double.isNaN(first.value()) ? null : first.value();
        return new View(firstSeconds, nfs);
    }

    private String target(FunctionSpec<?, ?> spec, PlacementProperties.NfSettings s) {
        return switch (s.placement()) {
            case LOCAL -> dispatcher.isDeployed(spec.name()) ? "this process" : "this process (not deployed here)";
            case HTTP -> s.url() == null ? "found through the NRF" : withoutUserInfo(s.url()) + "/" + spec.name();
            case FAAS -> {
                String pattern = s.urlPattern() != null ? s.urlPattern() : properties.faasUrlPattern();
                yield pattern == null ? "no URL pattern" : withoutUserInfo(pattern.replace("{function}", spec.name()).replace("{nf}", spec.nf().key()));
            }
        };
    }

    static String withoutUserInfo(Object url) {
        try {
            URI u = URI.create(url.toString());
            return u.getRawUserInfo() == null ? u.toString() : new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(not a URL)";
        }
    }

    private static Traffic traffic(Collection<Timer> timers) {
        long count = 0;
        double totalMs = 0;
        long notSuccessful = 0;
        for (Timer t : timers) {
            count += t.count();
            totalMs += t.totalTime(TimeUnit.MILLISECONDS);
            if (!"success".equals(t.getId().getTag("outcome"))) {
                notSuccessful += t.count();
            }
        }
        return count == 0 ? Traffic.NONE : new Traffic(count, totalMs / count, notSuccessful);
    }
}
