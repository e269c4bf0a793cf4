package io.liquid5gc.r17.chf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.chf.ChargingDataRequest;
import io.liquid5gc.sbi.chf.ChargingDataResponse;
import io.liquid5gc.sbi.chf.FinalUnitIndication;
import io.liquid5gc.sbi.chf.MultipleUnitInformation;
import io.liquid5gc.sbi.chf.MultipleUnitUsage;
import io.liquid5gc.sbi.chf.RequestedUnit;
import io.liquid5gc.sbi.chf.UsedUnitContainer;
import io.liquid5gc.sbi.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;

/**
 * Converged charging (TS 32.291 Nchf_ConvergedCharging, online with quota management, TS 32.290 5.2). The balance of a
 * subscriber per rating group is a store counter ({@code chf/balance/<supi>/<rg>}), seeded from the configured quota on
 * first use; used units are taken off it atomically. A grant is at most the requested volume, the configured maximum
 * grant and the balance; an exhausted balance answers resultCode QUOTA_LIMIT_REACHED with no units (TS 32.291
 * 6.1.6.3.7), a last partial grant carries a FinalUnitIndication TERMINATE. Every request and answer is appended to the
 * charging data record ({@code chf/cdr/<ref>}); release closes it.
 */
final class ConvergedCharging {

    private static final Pattern SUPI = Pattern.compile("imsi-\\d{5,15}|nai-.+");

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final ChfProperties properties;
    private final Clock clock;

    ConvergedCharging(KeyValueStore store, ObjectMapper json, ChfProperties properties, Clock clock) {
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Create (TS 32.291 5.2.2.2). */
    ChargingDataResponse handleCreate(ChargingDataRequest r) {
        if (r.subscriberIdentifier() == null || !SUPI.matcher(r.subscriberIdentifier()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "subscriberIdentifier (SUPI) is required: " + r.subscriberIdentifier());
        }
        Instant now = clock.instant();
        String ref = UUID.randomUUID().toString();
        List<MultipleUnitInformation> answer = rate(r, r.subscriberIdentifier());
        ChargingRecord cdr = new ChargingRecord(ref, r.subscriberIdentifier(), now, null, "OPEN", usedIn(r),
                List.of(new ChargingRecord.Entry("CREATE", now, r, answer)));
        store.put(cdrKey(ref), json.writeValueAsBytes(cdr));
        return new ChargingDataResponse(ref, now, r.invocationSequenceNumber(), answer);
    }

    /** Update (TS 32.291 5.2.2.3): used units consumed, new grants. */
    ChargingDataResponse handleUpdate(ChargingDataRequest r) {
        return next(r, false);
    }

    /** Release (TS 32.291 5.2.2.4): final usage consumed, the record closed; no grants. */
    ChargingDataResponse handleRelease(ChargingDataRequest r) {
        return next(r, true);
    }

    private ChargingDataResponse next(ChargingDataRequest r, boolean release) {
        if (r.chargingDataRef() == null || r.chargingDataRef().isBlank()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "chargingDataRef is required");
        }
        ChargingRecord cdr = find(r.chargingDataRef())
                .orElseThrow(() -> ProblemException.notFound("CHARGING_DATA_NOT_FOUND", "no charging data " + r.chargingDataRef()));
        if ("CLOSED".equals(cdr.status())) {
            throw ProblemException.notFound("CHARGING_DATA_NOT_FOUND", "charging data " + r.chargingDataRef() + " is closed");
        }
        Instant now = clock.instant();
        List<MultipleUnitInformation> answer = release ? consumeOnly(r, cdr.subscriberIdentifier()) : rate(r, cdr.subscriberIdentifier());
        ChargingRecord.Entry entry = new ChargingRecord.Entry(release ? "RELEASE" : "UPDATE", now, r, answer);
        long used = usedIn(r);
        Optional<byte[]> written = store.update(cdrKey(r.chargingDataRef()),
                current -> current.map(b -> json.writeValueAsBytes(json.readValue(b, ChargingRecord.class).with(entry, used, release, now))), null);
        if (written.isEmpty()) {
            throw ProblemException.notFound("CHARGING_DATA_NOT_FOUND", "charging data " + r.chargingDataRef() + " vanished");
        }
        return new ChargingDataResponse(r.chargingDataRef(), now, r.invocationSequenceNumber(), release ? List.of() : answer);
    }

    private List<MultipleUnitInformation> rate(ChargingDataRequest r, String supi) {
        List<MultipleUnitInformation> answer = new ArrayList<>();
        for (MultipleUnitUsage u : r.multipleUnitUsage()) {
            if (u.ratingGroup() == null) {
                throw ProblemException.badRequest("MANDATORY_IE_MISSING", "multipleUnitUsage[].ratingGroup is required");
            }
            long balance = consume(supi, u);
            if (u.requestedUnit() == null) {
                continue; // a report only
            }
            long wanted = u.requestedUnit().totalVolume() != null ? u.requestedUnit().totalVolume() : properties.maxGrant();
            long grant = Math.min(Math.min(wanted, properties.maxGrant()), Math.max(0, balance));
            if (grant <= 0) {
                answer.add(new MultipleUnitInformation(MultipleUnitInformation.QUOTA_LIMIT_REACHED, u.ratingGroup(), null, null,
                        new FinalUnitIndication("TERMINATE")));
            } else {
                boolean last = grant >= balance;
                answer.add(new MultipleUnitInformation(MultipleUnitInformation.SUCCESS, u.ratingGroup(), RequestedUnit.ofVolume(grant),
                        properties.validityTime(), last ? new FinalUnitIndication("TERMINATE") : null));
            }
        }
        return answer;
    }

    private List<MultipleUnitInformation> consumeOnly(ChargingDataRequest r, String supi) {
        for (MultipleUnitUsage u : r.multipleUnitUsage()) {
            if (u.ratingGroup() != null) {
                consume(supi, u);
            }
        }
        return List.of();
    }

    /** Takes the used units off the balance; returns the balance left. */
    private long consume(String supi, MultipleUnitUsage u) {
        String key = "chf/balance/" + supi + "/" + u.ratingGroup();
        long quota = properties.quotaOf(supi, u.ratingGroup());
        store.compareAndSet(key, null, Long.toString(quota).getBytes(StandardCharsets.US_ASCII), null); // seeded once
        long used = u.usedUnitContainer().stream().mapToLong(UsedUnitContainer::volume).sum();
        if (used < 0) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "used volumes must not be negative");
        }
        return used == 0 ? balanceOf(key) : store.increment(key, -used);
    }

    private long balanceOf(String key) {
        return store.get(key).map(b -> Long.parseLong(new String(b, StandardCharsets.US_ASCII).trim())).orElse(0L);
    }

    private static long usedIn(ChargingDataRequest r) {
        return r.multipleUnitUsage().stream().flatMap(u -> u.usedUnitContainer().stream()).mapToLong(UsedUnitContainer::volume).sum();
    }

    Optional<ChargingRecord> find(String ref) {
        return store.get(cdrKey(ref)).map(b -> json.readValue(b, ChargingRecord.class));
    }

    private static String cdrKey(String ref) {
        return "chf/cdr/" + ref;
    }
}
