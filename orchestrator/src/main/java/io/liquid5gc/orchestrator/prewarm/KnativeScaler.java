package io.liquid5gc.orchestrator.prewarm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets {@code autoscaling.knative.dev/min-scale} on the revision template of the chart's Knative Services (label
 * {@code liquid5gc.io/placement=faas} in one namespace). A Service of one function (label {@code liquid5gc.io/function})
 * gets that function's planned instances; a Service of a whole NF ({@code app.kubernetes.io/component} the NF, or
 * {@code r17} for NWDAF, CHF, NSACF and BSF) the sum of its functions' that have no Service of their own. Never below
 * the min-scale the chart gave it, which is kept on first sight in the Service's annotation
 * {@value #CONFIGURED_MIN_SCALE}, and never above its max-scale (which Knative would refuse). Only a changed value is written: each write makes Knative create a new Revision
 * (same image; it comes up with the new minimum before traffic moves to it).
 */
public final class KnativeScaler implements Scaler {

    public static final String MIN_SCALE = "autoscaling.knative.dev/min-scale";
    public static final String MAX_SCALE = "autoscaling.knative.dev/max-scale";
    public static final String CONFIGURED_MIN_SCALE = "liquid5gc.io/configured-min-scale";
    static final ResourceDefinitionContext KNATIVE_SERVICE = new ResourceDefinitionContext.Builder()
            .withGroup("serving.knative.dev").withVersion("v1").withKind("Service").withPlural("services").withNamespaced(true).build();

    private static final Logger log = LoggerFactory.getLogger(KnativeScaler.class);

    private final KubernetesClient client;
    private final String namespace;

    public KnativeScaler(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    @Override
    public Map<String, Integer> apply(Map<String, Integer> instances) {
        List<GenericKubernetesResource> services = client.genericKubernetesResources(KNATIVE_SERVICE).inNamespace(namespace)
                .withLabel("liquid5gc.io/placement", "faas").list().getItems();
        Set<String> ownService = services.stream().map(s -> labels(s).get("liquid5gc.io/function"))
                .filter(f -> f != null).collect(Collectors.toSet());
        Map<String, Integer> set = new TreeMap<>();
        for (GenericKubernetesResource s : services) {
            String name = s.getMetadata().getName();
            int planned = functionsOf(s, ownService).stream().mapToInt(f -> instances.getOrDefault(f, 0)).sum();
            int floor = configuredMinScale(s);
            int max = maxScale(s);
            // Knative refuses a min-scale above max-scale (0: no maximum)
            int target = max > 0 ? Math.min(max, Math.max(floor, planned)) : Math.max(floor, planned);
            set.put(name, target);
            if (String.valueOf(target).equals(templateAnnotations(s).get(MIN_SCALE)) && s.getMetadata().getAnnotations() != null
                    && s.getMetadata().getAnnotations().containsKey(CONFIGURED_MIN_SCALE)) {
                continue;
            }
            client.genericKubernetesResources(KNATIVE_SERVICE).inNamespace(namespace).withName(name).edit(r -> {
                Map<String, String> meta = r.getMetadata().getAnnotations() == null ? new HashMap<>() : new HashMap<>(r.getMetadata().getAnnotations());
                meta.putIfAbsent(CONFIGURED_MIN_SCALE, String.valueOf(floor));
                r.getMetadata().setAnnotations(meta);
                Map<String, String> template = new LinkedHashMap<>(templateAnnotations(r));
                template.put(MIN_SCALE, String.valueOf(target));
                setTemplateAnnotations(r, template);
                return r;
            });
            log.info("knative service {}: min-scale {} (planned {}, configured {})", name, target, planned, floor);
        }
        return set;
    }

    private static Map<String, String> labels(GenericKubernetesResource s) {
        return s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
    }

    /** The functions a Service serves. */
    static List<String> functionsOf(GenericKubernetesResource s, Set<String> ownService) {
        Map<String, String> labels = labels(s);
        String function = labels.get("liquid5gc.io/function");
        if (function != null) {
            return List.of(function);
        }
        String component = labels.getOrDefault("app.kubernetes.io/component", "");
        Set<NfType> nfs = component.equals("r17")
                ? Set.of(NfType.NWDAF, NfType.CHF, NfType.NSACF, NfType.BSF)
                : java.util.Arrays.stream(NfType.values()).filter(nf -> nf.key().equals(component)).collect(Collectors.toSet());
        return Functions.all().stream().filter(f -> nfs.contains(f.nf())).map(FunctionSpec::name)
                .filter(f -> !ownService.contains(f)).toList();
    }

    /** The min-scale the chart gave the Service: kept in {@value #CONFIGURED_MIN_SCALE}, else its template's now. */
    static int configuredMinScale(GenericKubernetesResource s) {
        Map<String, String> meta = s.getMetadata().getAnnotations();
        String v = meta != null && meta.containsKey(CONFIGURED_MIN_SCALE) ? meta.get(CONFIGURED_MIN_SCALE) : templateAnnotations(s).get(MIN_SCALE);
        try {
            return v == null ? 0 : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The Service's {@code autoscaling.knative.dev/max-scale}, 0 when none. */
    static int maxScale(GenericKubernetesResource s) {
        String v = templateAnnotations(s).get(MAX_SCALE);
        try {
            return v == null ? 0 : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> templateAnnotations(GenericKubernetesResource s) {
        Object spec = s.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map<?, ?> sp) || !(sp.get("template") instanceof Map<?, ?> t) || !(t.get("metadata") instanceof Map<?, ?> m)
                || !(m.get("annotations") instanceof Map<?, ?> a)) {
            return Map.of();
        }
        return (Map<String, String>) a;
    }

    @SuppressWarnings("unchecked")
    private static void setTemplateAnnotations(GenericKubernetesResource s, Map<String, String> annotations) {
        Map<String, Object> spec = (Map<String, Object>) s.getAdditionalProperties().computeIfAbsent("spec", k -> new LinkedHashMap<>());
        Map<String, Object> template = (Map<String, Object>) spec.computeIfAbsent("template", k -> new LinkedHashMap<>());
        Map<String, Object> metadata = (Map<String, Object>) template.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
        metadata.put("annotations", annotations);
    }
}
