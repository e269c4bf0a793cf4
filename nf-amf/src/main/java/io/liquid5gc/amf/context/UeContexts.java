package io.liquid5gc.amf.context;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.AmfStoreKeys;
import io.liquid5gc.sbi.amf.FiveGGuti;
import io.liquid5gc.sbi.common.ProblemException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * UE contexts in the store under {@link AmfStoreKeys#ueContext}, written with compare-and-set so two invocations for one UE
 * (which the proxy serialises, but a retry might not) never overwrite each other silently; the GUTI index lives
 * under {@link AmfStoreKeys#guti}.
 */
public final class UeContexts {

    /** The registration type a re-authentication wrote into the context before {@link OwningProcedure}. */
    private static final String LEGACY_REAUTHENTICATION = "REAUTHENTICATION";

    /** A context as read, with the bytes it was read from (the compare-and-set witness). */
    public record Loaded(UeContext context, byte[] witness) {
    }

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final Duration ttl;

    public UeContexts(KeyValueStore store, ObjectMapper json, Duration ttl) {
        this.store = store;
        this.json = json;
        this.ttl = ttl;
    }

    public Loaded load(String id) {
        Optional<byte[]> raw = store.get(key(id));
        return raw.map(b -> new Loaded(read(json, b), b)).orElseGet(() -> new Loaded(UeContext.fresh(id), null));
    }

    /**
     * A stored context, also one written before {@link UeContext#owningProcedure()} existed: then a re-authentication
     * was marked by the registration type "REAUTHENTICATION" (no 3GPP value; the type of the registration before it is
     * lost), and a context with a registration type was the registration's.
     */
    static UeContext read(ObjectMapper json, byte[] bytes) {
        if (contains(bytes, OWNING_PROCEDURE_KEY)) {
            return json.readValue(bytes, UeContext.class); // the current form: one parse on the hot path
        }
        JsonNode tree = json.readTree(bytes);
        if (tree instanceof ObjectNode o && !o.has("owningProcedure")) {
            JsonNode type = o.get("registrationType");
            if (type != null && type.isString() && LEGACY_REAUTHENTICATION.equals(type.stringValue())) {
                o.putNull("registrationType");
                o.put("owningProcedure", OwningProcedure.REAUTHENTICATION.name());
            } else if (type != null && !type.isNull()) {
                o.put("owningProcedure", OwningProcedure.REGISTRATION.name());
            }
        }
        return json.treeToValue(tree, UeContext.class);
    }

    private static final byte[] OWNING_PROCEDURE_KEY = "\"owningProcedure\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Writes the new context if nobody else did since {@code loaded}; else 409. */
    public void save(Loaded loaded, UeContext next) {
        byte[] bytes = json.writeValueAsBytes(next);
        if (loaded.witness() != null && Arrays.equals(loaded.witness(), bytes)) {
            return;
        }
        if (!store.compareAndSet(key(next.id()), loaded.witness(), bytes, ttl)) {
            throw new ProblemException(409, "Conflict", "UE_CONTEXT_CONFLICT",
                    "the UE context " + next.id() + " changed while this message was processed");
        }
    }

    /** Hands the new NAS security context to the N1 termination (the proxy) through the store. */
    public void saveNasSecurity(String ueContextId, io.liquid5gc.sbi.amf.NasSecurityContext context) {
        store.put(AmfStoreKeys.nasSecurity(ueContextId), json.writeValueAsBytes(context), ttl);
    }

    public void indexGuti(FiveGGuti guti, String ueContextId) {
        store.put(AmfStoreKeys.guti(guti), ueContextId.getBytes(java.nio.charset.StandardCharsets.UTF_8), ttl);
    }

    /** The SUPI index, for the network's own procedures on a UE (an operator's de-registration). */
    public void indexSupi(String supi, String ueContextId) {
        store.put(AmfStoreKeys.supi(supi), ueContextId.getBytes(java.nio.charset.StandardCharsets.UTF_8), ttl);
    }

    /** A network-initiated de-registration waiting for the paged UE's Service Request: "reRegister,cause". */
    public void setPendingDeregistration(String ueContextId, boolean reRegister, int cause) {
        store.put(AmfStoreKeys.pendingDeregistration(ueContextId), (reRegister + "," + cause).getBytes(java.nio.charset.StandardCharsets.UTF_8), ttl);
    }

    /** Takes (and removes) a pending network-initiated de-registration. */
    public Optional<int[]> takePendingDeregistration(String ueContextId) {
        Optional<byte[]> raw = store.get(AmfStoreKeys.pendingDeregistration(ueContextId));
        raw.ifPresent(b -> store.delete(AmfStoreKeys.pendingDeregistration(ueContextId)));
        return raw.map(b -> {
            String[] parts = new String(b, java.nio.charset.StandardCharsets.UTF_8).split(",");
            return new int[] {Boolean.parseBoolean(parts[0]) ? 1 : 0, Integer.parseInt(parts[1])};
        });
    }

    public Optional<String> byGuti(FiveGGuti guti) {
        return store.get(AmfStoreKeys.guti(guti)).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A 5G-TMSI unique across every AMF process sharing the store (TS 23.003 2.10). */
    public long nextTmsi() {
        return store.increment(AmfStoreKeys.TMSI_COUNTER, 1) & 0xFFFFFFFFL;
    }

    private static String key(String id) {
        return AmfStoreKeys.ueContext(id);
    }
}
