package io.liquid5gc.r17.bsf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.bsf.BindingDeregisterRequest;
import io.liquid5gc.sbi.bsf.BindingDeregisterResult;
import io.liquid5gc.sbi.bsf.BindingDiscoveryRequest;
import io.liquid5gc.sbi.bsf.PcfBinding;
import io.liquid5gc.sbi.bsf.PcfBindingResult;
import io.liquid5gc.sbi.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;

/**
 * PCF bindings (TS 29.521 Nbsf_Management): a binding at {@code bsf/binding/<bindingId>} with two indexes,
 * {@code bsf/ipv4/<ipDomain>/<ipv4Addr>} (one binding per UE address, claimed by compare-and-set) and
 * {@code bsf/supi/<supi>/<dnn>} (the latest binding of the UE on that DNN).
 */
final class PcfBindings {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final KeyValueStore store;
    private final ObjectMapper json;

    PcfBindings(KeyValueStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * Register (TS 29.521 5.2.2.2): 403 EXISTING_BINDING_INFO_FOUND when another UE's binding holds the address
     * (TS 29.521 5.2.2.2.2); the same UE registering the same address again replaces its binding.
     */
    PcfBindingResult handleRegister(PcfBinding binding) {
        if ((binding.ipv4Addr() == null && binding.ipv6Prefix() == null) || binding.dnn() == null || binding.snssai() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "ipv4Addr or ipv6Prefix, dnn and snssai are required (TS 29.521 5.6.2.2)");
        }
        if (binding.pcfFqdn() == null && binding.pcfId() == null && binding.pcfSetId() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "one of pcfFqdn, pcfId, pcfSetId is required");
        }
        if (binding.ipv4Addr() != null && !IPV4.matcher(binding.ipv4Addr()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "ipv4Addr is not an IPv4 address: " + binding.ipv4Addr());
        }
        String id = UUID.randomUUID().toString();
        String addressKey = addressKey(binding);
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        if (!store.compareAndSet(addressKey, null, idBytes, null)) {
            Optional<byte[]> holder = store.get(addressKey);
            Optional<PcfBinding> existing = holder.flatMap(h -> find(new String(h, StandardCharsets.UTF_8)));
            if (existing.isPresent() && binding.supi() != null && !binding.supi().equals(existing.get().supi())) {
                throw new ProblemException(403, "Forbidden", "EXISTING_BINDING_INFO_FOUND",
                        "the address " + addressKey.substring(addressKey.lastIndexOf('/') + 1) + " is bound to another UE");
            }
            // The same UE again (or a dangling index): take the address over and drop the old binding.
            if (!store.compareAndSet(addressKey, holder.orElse(null), idBytes, null)) {
                throw new ProblemException(409, "Conflict", "EXISTING_BINDING_INFO_FOUND", "concurrent registration for the same address");
            }
            holder.ifPresent(h -> store.delete(bindingKey(new String(h, StandardCharsets.UTF_8))));
        }
        store.put(bindingKey(id), json.writeValueAsBytes(binding));
        if (binding.supi() != null) {
            store.put(supiKey(binding.supi(), binding.dnn()), idBytes);
        }
        return new PcfBindingResult(id, binding);
    }

    /** Discovery (TS 29.521 5.2.2.4) by UE address, or by SUPI and DNN; nothing found = both fields null (204). */
    PcfBindingResult handleDiscover(BindingDiscoveryRequest q) {
        Optional<byte[]> id;
        if (q.ipv4Addr() != null || q.ipv6Prefix() != null) {
            id = store.get(addressKey(new PcfBinding(null, null, q.ipv4Addr(), q.ipv6Prefix(), q.ipDomain(), null, null, null, null, null, null)));
        } else if (q.supi() != null && q.dnn() != null) {
            id = store.get(supiKey(q.supi(), q.dnn()));
        } else {
            throw ProblemException.badRequest("MANDATORY_QUERY_PARAM_INCORRECT", "ipv4Addr, ipv6Prefix, or supi with dnn is required");
        }
        return id.map(b -> new String(b, StandardCharsets.UTF_8))
                .flatMap(i -> find(i).map(binding -> new PcfBindingResult(i, binding)))
                .orElse(new PcfBindingResult(null, null));
    }

    /** Deregister (TS 29.521 5.2.2.3): the binding and its indexes (only those still pointing at it). */
    BindingDeregisterResult handleDeregister(BindingDeregisterRequest request) {
        if (request.bindingId() == null || !ID.matcher(request.bindingId()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "bindingId is required: " + request.bindingId());
        }
        Optional<PcfBinding> binding = find(request.bindingId());
        if (binding.isEmpty()) {
            return new BindingDeregisterResult(request.bindingId(), false);
        }
        byte[] idBytes = request.bindingId().getBytes(StandardCharsets.UTF_8);
        deleteIfPointing(addressKey(binding.get()), idBytes);
        if (binding.get().supi() != null) {
            deleteIfPointing(supiKey(binding.get().supi(), binding.get().dnn()), idBytes);
        }
        return new BindingDeregisterResult(request.bindingId(), store.delete(bindingKey(request.bindingId())));
    }

    private void deleteIfPointing(String key, byte[] id) {
        store.get(key).filter(v -> Arrays.equals(v, id)).ifPresent(v -> store.compareAndSet(key, v, null, null));
    }

    private Optional<PcfBinding> find(String id) {
        return store.get(bindingKey(id)).map(b -> json.readValue(b, PcfBinding.class));
    }

    private static String addressKey(PcfBinding b) {
        String domain = b.ipDomain() == null ? "-" : b.ipDomain();
        return b.ipv4Addr() != null ? "bsf/ipv4/" + domain + "/" + b.ipv4Addr() : "bsf/ipv6/" + b.ipv6Prefix();
    }

    private static String supiKey(String supi, String dnn) {
        return "bsf/supi/" + supi + "/" + dnn;
    }

    private static String bindingKey(String id) {
        return "bsf/binding/" + id;
    }
}
