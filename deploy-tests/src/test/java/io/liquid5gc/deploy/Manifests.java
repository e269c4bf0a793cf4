package io.liquid5gc.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The output of {@code helm template}, parsed into fabric8 model objects by apiVersion and kind. */
final class Manifests {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final List<HasMetadata> resources;

    private Manifests(List<HasMetadata> resources) {
        this.resources = resources;
    }

    @SuppressWarnings("unchecked")
    static Manifests parse(String rendered) {
        List<HasMetadata> out = new ArrayList<>();
        // a key twice in one mapping (e.g. a label from two helpers) is an error for kubectl's strict decoding: here too
        YAMLFactory factory = YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        try (var parser = factory.createParser(rendered)) {
            var docs = YAML.readValues(parser, Map.class);
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc == null || doc.isEmpty()) {
                    continue;
                }
                out.add((HasMetadata) MODEL.convertValue(doc, typeOf(doc)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(out);
    }

    private static Class<?> typeOf(Map<String, Object> doc) {
        String api = String.valueOf(doc.get("apiVersion"));
        String kind = String.valueOf(doc.get("kind"));
        return switch (api + "/" + kind) {
            case "apps/v1/Deployment" -> Deployment.class;
            case "apps/v1/StatefulSet" -> StatefulSet.class;
            case "v1/Service" -> Service.class;
            case "v1/Secret" -> Secret.class;
            case "v1/ConfigMap" -> ConfigMap.class;
            case "autoscaling/v2/HorizontalPodAutoscaler" -> HorizontalPodAutoscaler.class;
            case "policy/v1/PodDisruptionBudget" -> PodDisruptionBudget.class;
            case "serving.knative.dev/v1/Service" -> io.fabric8.knative.serving.v1.Service.class;
            case "networking.k8s.io/v1/NetworkPolicy" -> io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class;
            default -> GenericKubernetesResource.class;
        };
    }

    List<HasMetadata> all() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in "
                + resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList()));
    }

    Optional<GenericKubernetesResource> generic(String kind, String name) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals(kind) && r.getMetadata().getName().equals(name)).findFirst();
    }

    /** Plain values by name; values from a secret read "secret:<name>/<key>". */
    static Map<String, String> env(Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : c.getEnv()) {
            if (env.containsKey(e.getName())) {
                throw new AssertionError("environment variable " + e.getName() + " twice in " + c.getName());
            }
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                env.put(e.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            } else {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }
}
