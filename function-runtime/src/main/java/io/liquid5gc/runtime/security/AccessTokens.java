package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.AccessTokenRsp;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.security.NfService;
import io.liquid5gc.sbi.security.SbiAuthorization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The consumer's tokens (TS 33.501 13.4.1.1): one per consumer type and target NF type, for every service of the
 * target the consumer may call (from {@link SbiAuthorization}), fetched on first use, kept until
 * {@code refreshBefore} its expiry and then replaced, so a call costs no round trip to the NRF. Concurrent callers
 * needing the same token wait for one fetch.
 */
public final class AccessTokens {

    private record Key(ConsumerType consumer, NfType target) {
    }

    private record Cached(String token, Instant refreshAt) {
    }

    private final TokenSource source;
    private final String nfInstanceId;
    private final Duration refreshBefore;
    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();

    public AccessTokens(TokenSource source, String nfInstanceId, Duration refreshBefore, Clock clock) {
        this.source = source;
        this.nfInstanceId = nfInstanceId;
        this.refreshBefore = refreshBefore;
        this.clock = clock;
    }

    /**
     * A valid token of {@code consumer} for {@code target}.
     *
     * @throws AccessTokenRefused when the NRF refuses, or when the consumer may call no service of the target
     */
    public String tokenFor(ConsumerType consumer, NfType target) {
        Key key = new Key(consumer, target);
        Cached c = cache.get(key);
        if (c != null && clock.instant().isBefore(c.refreshAt())) {
            return c.token();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            c = cache.get(key);
            if (c != null && clock.instant().isBefore(c.refreshAt())) {
                return c.token();
            }
            Cached fresh = fetch(key);
            cache.put(key, fresh);
            return fresh.token();
        }
    }

    /** Forgets a token the producer refused (401: expired early, key rotated), so the next call fetches anew. */
    public void invalidate(ConsumerType consumer, NfType target, String token) {
        cache.computeIfPresent(new Key(consumer, target), (k, c) -> c.token().equals(token) ? null : c);
    }

    private Cached fetch(Key key) {
        Set<NfService> services = SbiAuthorization.servicesFor(key.consumer(), key.target());
        if (services.isEmpty()) {
            throw AccessTokenRefused.of(403, "invalid_scope", key.consumer() + " may call no service of " + key.target()
                    + " (TS 33.501 13.4.1; see sbi-api SbiAuthorization)");
        }
        String scope = services.stream().map(NfService::serviceName).sorted().collect(Collectors.joining(" "));
        Instant asked = clock.instant();
        AccessTokenRsp rsp = source.fetch(new AccessTokenReq(nfInstanceId, key.consumer(), key.target().name(), null, scope));
        long lifetime = rsp.expiresIn() == null ? 0 : rsp.expiresIn();
        // refresh ahead of expiry; a token shorter-lived than the margin is refreshed at half its life
        Duration margin = Duration.ofSeconds(lifetime).compareTo(refreshBefore.multipliedBy(2)) > 0
                ? refreshBefore : Duration.ofSeconds(lifetime / 2);
        return new Cached(rsp.accessToken(), asked.plusSeconds(lifetime).minus(margin));
    }
}
