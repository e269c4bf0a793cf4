package io.liquid5gc.nrf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.nrf.NfProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

/**
 * The NF instances registered in this NRF, read-only, for operators (the console's placement view where the NRF runs
 * alone): {@code GET /registry/nf-instances}, each profile as registered (TS 29.510 6.1.6.2.2: type, instance id,
 * status, heart-beat timer, addresses, services, slices; an NF profile holds no secret), sorted by type and id, at
 * most {@link #MAX} of them ({@code truncated} says when there were more). Under {@code /registry/}, an operator API
 * (function-runtime's operator filter wants the operator's credentials), not an SBI service: NFs discover each other
 * with {@code nrf-discover}, under their access tokens. A profile that failed to parse is counted, not shown.
 */
final class NfInstancesEndpoint {

    static final String PATH = "/registry/nf-instances";
    static final int MAX = 1000;

    /** One registered instance. */
    record NfInstance(String nfType, String nfInstanceId, String nfStatus, Integer heartBeatTimer, String fqdn, List<String> ipv4Addresses,
                      List<NfProfile.NfService> nfServices, List<io.liquid5gc.sbi.common.Snssai> sNssais) {
    }

    record NfInstances(List<NfInstance> nfInstances, boolean truncated, int unreadable) {
    }

    private final KeyValueStore registry;
    private final ObjectMapper json;

    NfInstancesEndpoint(KeyValueStore registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(PATH, r -> Mono.fromCallable(this::list).subscribeOn(Schedulers.boundedElastic())
                        .flatMap(b -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore()).bodyValue(b)))
                .build();
    }

    NfInstances list() {
        SortedMap<String, byte[]> found = registry.scan("nf/", MAX + 1);
        List<NfInstance> out = new ArrayList<>();
        int unreadable = 0;
        for (byte[] value : found.values()) {
            if (out.size() == MAX) {
                break;
            }
            try {
                NfProfile p = json.readValue(value, NfProfile.class);
                out.add(new NfInstance(p.nfType(), p.nfInstanceId(), p.nfStatus(), p.heartBeatTimer(), p.fqdn(), p.ipv4Addresses(), p.nfServices(),
                        p.sNssais()));
            } catch (RuntimeException e) {
                unreadable++;
            }
        }
        out.sort(Comparator.comparing(NfInstance::nfType, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(NfInstance::nfInstanceId, Comparator.nullsLast(Comparator.naturalOrder())));
        return new NfInstances(out, found.size() > MAX, unreadable);
    }
}
