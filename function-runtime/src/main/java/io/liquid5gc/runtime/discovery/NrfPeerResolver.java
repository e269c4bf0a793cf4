package io.liquid5gc.runtime.discovery;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.PeerResolver;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.nrf.NfDiscoveryRequest;
import io.liquid5gc.sbi.nrf.NfDiscoveryResult;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NrfApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Finds an {@code http}-placed NF that has no static URL through the NRF (TS 29.510 5.3.2 NFDiscover), caches
 * the answer for its validity period (capped by {@code liquid5gc.discovery.max-cache}) and spreads calls
 * round-robin over the registered instances. The NRF itself is never discovered through the NRF.
 */
public final class NrfPeerResolver implements PeerResolver {

    private static final Logger log = LoggerFactory.getLogger(NrfPeerResolver.class);

    private record Cached(List<URI> uris, long expiresAt, AtomicInteger next) {
    }

    private final ObjectProvider<FunctionClient> client;
    private final Clock clock;
    private final Duration maxCache;
    private final java.util.function.Supplier<String> requesterNfType;
    private final Map<NfType, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param requesterNfType the NFType this process discovers as (TS 29.510 requester-nf-type), asked lazily
     */
    public NrfPeerResolver(ObjectProvider<FunctionClient> client, Clock clock, Duration maxCache,
                           java.util.function.Supplier<String> requesterNfType) {
        this.client = client;
        this.clock = clock;
        this.maxCache = maxCache;
        this.requesterNfType = requesterNfType;
    }

    @Override
    public Optional<URI> resolve(NfType nf) {
        if (nf == NfType.NRF) {
            return Optional.empty();
        }
        long now = clock.millis();
        Cached c = cache.get(nf);
        if (c == null || c.expiresAt() <= now) {
            c = discover(nf, now);
            if (c == null) {
                return Optional.empty();
            }
            cache.put(nf, c);
        }
        if (c.uris().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(c.uris().get(Math.floorMod(c.next().getAndIncrement(), c.uris().size())));
    }

    /** Forgets what was discovered for an NF (after its peer failed, say). */
    public void evict(NfType nf) {
        cache.remove(nf);
    }

    private Cached discover(NfType nf, long now) {
        NfDiscoveryResult result;
        try {
            result = client.getObject().call(NrfApi.DISCOVER, NfDiscoveryRequest.of(nf.name(), requesterNfType.get()));
        } catch (ProblemException e) {
            log.warn("cannot discover {} through the NRF: {}", nf.key(), e.getMessage());
            return null;
        }
        List<URI> uris = new ArrayList<>();
        for (NfProfile p : result.nfInstances()) {
            uriOf(p).ifPresent(uris::add);
        }
        long validity = Math.min(Math.max(result.validityPeriod(), 1) * 1000L, maxCache.toMillis());
        log.debug("discovered {} instance(s) of {}: {}", uris.size(), nf.key(), uris);
        return new Cached(List.copyOf(uris), now + validity, new AtomicInteger());
    }

    /** Where an instance's functions are: its first service's apiPrefix, else http://{ipv4 or fqdn}. */
    static Optional<URI> uriOf(NfProfile p) {
        for (NfProfile.NfService s : p.nfServices()) {
            if (s.apiPrefix() != null && !s.apiPrefix().isBlank()) {
                return Optional.of(URI.create(s.apiPrefix()));
            }
        }
        if (!p.ipv4Addresses().isEmpty()) {
            return Optional.of(URI.create("http://" + p.ipv4Addresses().getFirst()));
        }
        return p.fqdn() == null ? Optional.empty() : Optional.of(URI.create("http://" + p.fqdn()));
    }
}
