package io.liquid5gc.orchestrator.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.liquid5gc.orchestrator.forecast.CampusTraffic;
import io.liquid5gc.orchestrator.forecast.RateSeries;
import io.liquid5gc.orchestrator.plan.PlanSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller against the fabric8 Kubernetes mock API server (CRUD mode) holding the chart's Knative Services: on a
 * day of the campus pattern it has two weeks of history for, min-scale goes up before the morning surge (while the
 * traffic of the moment needs less), reaches the surge's need before it peaks, comes down after it, within the budget,
 * never below what the chart configured, and a Service is written only when its value changes. Time is an injected
 * clock set to each tick: no sleeping.
 */
@EnableKubernetesMockClient(crud = true)
class KnativePrewarmTest {

    private static final String NS = "core";
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final Instant THIRD_MONDAY = CampusTraffic.MONDAY.plus(Duration.ofDays(14));

    KubernetesClient client;

    private final MutableClock clock = new MutableClock();
    private final RateSeries amf = CampusTraffic.weeks(3, 1200, 11);
    private final RateSeries udm = CampusTraffic.weeks(3, 600, 12);
    private PrewarmController controller;

    @BeforeEach
    void createServices() {
        create(functionService("liquid5gc-amf-initial-registration", "amf", "amf-initial-registration", "0"));
        create(functionService("liquid5gc-udm-get-subscriber-data", "udm", "udm-get-subscriber-data", "0"));
        create(nfService("liquid5gc-ausf", "ausf", "1"));
        HistorySource source = (to, lookback, step) -> {
            int end = (int) (Duration.between(CampusTraffic.MONDAY, to).toMillis() / step.toMillis());
            int start = end - (int) (lookback.toMillis() / step.toMillis());
            // 1.8 s per invocation: at 1,200 per 15 minutes that is 2.4 busy instances, x 1.5 headroom = 4
            return List.of(new FunctionHistory("amf-initial-registration", amf.slice(start, end), 1.8),
                    new FunctionHistory("udm-get-subscriber-data", udm.slice(start, end), 1.8));
        };
        controller = new PrewarmController(source, new KnativeScaler(client, NS),
                new PrewarmController.Settings(STEP, Duration.ofHours(1), Duration.ofDays(14), new PlanSettings(1, 1.5, 1, 5, 6)), clock);
    }

    @Test
    void whenASurgeIsPredicted_thenMinScaleIsRaisedBeforeItAndLoweredAfterItWithinTheBudget() {
        Map<String, Integer> night = tickAt("05:00");
        assertThat(night).containsEntry("liquid5gc-amf-initial-registration", 1).containsEntry("liquid5gc-ausf", 1);
        assertThat(minScale("liquid5gc-amf-initial-registration")).isEqualTo("1");

        Map<String, Integer> before = tickAt("06:45");
        double trafficNow = amf.at(index("06:45"));
        assertThat(trafficNow * 1.8 / 900 * 1.5).as("what the traffic of 06:45 alone needs").isLessThan(1.0);
        assertThat(before.get("liquid5gc-amf-initial-registration")).as("raised ahead of the surge").isEqualTo(3);
        assertThat(minScale("liquid5gc-amf-initial-registration")).isEqualTo("3");

        Map<String, Integer> surge = tickAt("07:30");
        assertThat(surge).containsEntry("liquid5gc-amf-initial-registration", 4);
        assertThat(surge.get("liquid5gc-udm-get-subscriber-data")).as("the budget of 5: the UDM wanted 2").isEqualTo(1);
        assertThat(controller.last().plan().total()).isLessThanOrEqualTo(5);
        assertThat(controller.last().plan().lines()).filteredOn(l -> l.function().equals("udm-get-subscriber-data"))
                .singleElement().satisfies(l -> assertThat(l.wanted()).isEqualTo(2));

        Map<String, Integer> evening = tickAt("19:00");
        assertThat(evening).containsEntry("liquid5gc-amf-initial-registration", 2);
        Map<String, Integer> lateNight = tickAt("23:00");
        assertThat(lateNight).containsEntry("liquid5gc-amf-initial-registration", 1).containsEntry("liquid5gc-ausf", 1);
        assertThat(minScale("liquid5gc-amf-initial-registration")).isEqualTo("1");

        // what the chart configured is kept and never gone below; the forecast's error on the last day is reported
        assertThat(get("liquid5gc-ausf").getMetadata().getAnnotations()).containsEntry(KnativeScaler.CONFIGURED_MIN_SCALE, "1");
        assertThat(minScale("liquid5gc-ausf")).isEqualTo("1");
        assertThat(controller.last().heldOutDayMape().get("amf-initial-registration")).isLessThan(0.15);
        assertThat(templateAnnotations(get("liquid5gc-amf-initial-registration")))
                .containsEntry("autoscaling.knative.dev/max-scale", "10");
    }

    @Test
    void whenThePlanWantsMoreThanTheServicesMaxScale_thenMinScaleStopsAtIt() {
        client.genericKubernetesResources(KnativeScaler.KNATIVE_SERVICE).inNamespace(NS).withName("liquid5gc-amf-initial-registration")
                .edit(r -> {
                    templateAnnotations(r).put("autoscaling.knative.dev/max-scale", "3");
                    return r;
                });
        assertThat(tickAt("07:30")).containsEntry("liquid5gc-amf-initial-registration", 3);
        assertThat(controller.last().plan().instances()).containsEntry("amf-initial-registration", 4);
        assertThat(minScale("liquid5gc-amf-initial-registration")).isEqualTo("3");
    }

    @Test
    void whenThePlanDoesNotChange_thenNoServiceIsWrittenAgain() {
        tickAt("07:30");
        String version = get("liquid5gc-amf-initial-registration").getMetadata().getResourceVersion();
        String ausf = get("liquid5gc-ausf").getMetadata().getResourceVersion();
        clock.now = clock.now.plusSeconds(60);
        tickAt("07:31");
        assertThat(get("liquid5gc-amf-initial-registration").getMetadata().getResourceVersion()).isEqualTo(version);
        assertThat(get("liquid5gc-ausf").getMetadata().getResourceVersion()).isEqualTo(ausf);
    }

    private Map<String, Integer> tickAt(String time) {
        clock.now = THIRD_MONDAY.plus(Duration.between(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.parse(time)));
        return controller.tick().applied();
    }

    private static int index(String time) {
        return (int) (Duration.between(CampusTraffic.MONDAY, THIRD_MONDAY).toMinutes() / 15
                + Duration.between(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.parse(time)).toMinutes() / 15);
    }

    private GenericKubernetesResource get(String name) {
        return client.genericKubernetesResources(KnativeScaler.KNATIVE_SERVICE).inNamespace(NS).withName(name).get();
    }

    private String minScale(String name) {
        return templateAnnotations(get(name)).get(KnativeScaler.MIN_SCALE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> templateAnnotations(GenericKubernetesResource s) {
        Map<String, Object> spec = (Map<String, Object>) s.getAdditionalProperties().get("spec");
        Map<String, Object> template = (Map<String, Object>) spec.get("template");
        return (Map<String, String>) ((Map<String, Object>) template.get("metadata")).get("annotations");
    }

    private void create(GenericKubernetesResource s) {
        client.genericKubernetesResources(KnativeScaler.KNATIVE_SERVICE).inNamespace(NS).resource(s).create();
    }

    private static GenericKubernetesResource functionService(String name, String nf, String function, String minScale) {
        GenericKubernetesResource s = nfService(name, function, minScale);
        s.getMetadata().getLabels().put("liquid5gc.io/nf", nf);
        s.getMetadata().getLabels().put("liquid5gc.io/function", function);
        return s;
    }

    private static GenericKubernetesResource nfService(String name, String component, String minScale) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(KnativeScaler.MIN_SCALE, minScale);
        annotations.put("autoscaling.knative.dev/max-scale", "10");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("template", new LinkedHashMap<>(Map.of("metadata", new LinkedHashMap<>(Map.of("annotations", annotations)),
                "spec", Map.of("containerConcurrency", 1))));
        return new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Service")
                .withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(new LinkedHashMap<>(Map.of("liquid5gc.io/placement", "faas", "app.kubernetes.io/component", component)))
                .endMetadata().addToAdditionalProperties("spec", spec).build();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @SuppressWarnings("unused")
    private static List<String> names(List<GenericKubernetesResource> l) {
        List<String> out = new ArrayList<>();
        l.forEach(r -> out.add(r.getMetadata().getName()));
        return out;
    }
}
