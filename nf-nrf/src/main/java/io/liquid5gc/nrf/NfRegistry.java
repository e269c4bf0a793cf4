package io.liquid5gc.nrf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nrf.NfDiscoveryRequest;
import io.liquid5gc.sbi.nrf.NfDiscoveryResult;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NfRegistrationResult;
import io.liquid5gc.sbi.security.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;

/**
 * The NF registry (TS 29.510 5.2.2 NFManagement, 5.3.2 NFDiscovery) on the registry store (etcd or in-process).
 * A profile lives at {@code nf/<NFTYPE>/<nfInstanceId>} with a TTL of heartBeatTimer x expiry factor: registering
 * again is the heart-beat, and a profile not refreshed in time disappears (an etcd lease expiry).
 *
 * <p>Ownership (TS 33.501 13.3.1, 13.4.1): a caller proven by an access token may register, update and heart-beat
 * only the instance its token names ({@code sub}) as the NF type it names ({@code consumerNfType}); so no NF can
 * overwrite another instance or register itself as another type. The heart-beat timer is bounded by
 * {@code liquid5gc.nrf.max-heart-beat-timer}.
 */
final class NfRegistry {

    static final Set<String> STATUSES = Set.of("REGISTERED", "SUSPENDED", "UNDISCOVERABLE");
    private static final Pattern NF_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
    private static final int MAX_INSTANCES = 10_000;

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final NrfProperties properties;

    private final NfStatusNotifier notifier;

    NfRegistry(KeyValueStore store, ObjectMapper json, NrfProperties properties, NfStatusNotifier notifier) {
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.notifier = notifier;
    }

    /** NFRegister / heart-beat (TS 29.510 5.2.2.2, 5.2.2.3.2). */
    NfRegistrationResult handleNfRegister(NfProfile profile) {
        validate(profile);
        requireOwner(Caller.current(), profile);
        String status = profile.nfStatus() == null ? "REGISTERED" : profile.nfStatus();
        int heartBeat = profile.heartBeatTimer() != null && profile.heartBeatTimer() > 0
                ? (int) Math.min(profile.heartBeatTimer(), properties.maxHeartBeatTimer().toSeconds())
                : (int) properties.heartBeatTimer().toSeconds();
        NfProfile stored = profile.withStatusAndHeartBeat(status, heartBeat);
        String key = keyOf(stored.nfType(), stored.nfInstanceId());
        Duration ttl = Duration.ofMillis((long) Math.ceil(heartBeat * 1000.0 * properties.expiryFactor()));
        byte[] bytes = json.writeValueAsBytes(stored);
        byte[][] previous = new byte[1][];
        store.update(key, current -> {
            previous[0] = current.orElse(null);
            return java.util.Optional.of(bytes);
        }, ttl);
        NfProfile before = previous[0] == null ? null : json.readValue(previous[0], NfProfile.class);
        notifier.onRegistered(stored, before);
        return new NfRegistrationResult(stored, before == null);
    }

    /** 403 unless the token's subject and consumer type are the profile's instance and type. */
    private static void requireOwner(Caller caller, NfProfile profile) {
        if (caller.proof() != Caller.Proof.ACCESS_TOKEN) {
            return; // in-process (the all-in-one) or security off
        }
        if (!profile.nfInstanceId().equals(caller.nfInstanceId()) || !profile.nfType().equals(caller.type().name())) {
            throw ProblemException.forbidden("ACCESS_TOKEN_DENIED", caller.describe() + " may register only itself, not "
                    + profile.nfType() + " " + profile.nfInstanceId() + " (TS 33.501 13.4.1)");
        }
    }

    /** NFDiscover (TS 29.510 5.3.2.2): registered instances of the target type serving the slices and DNN asked. */
    NfDiscoveryResult handleNfDiscover(NfDiscoveryRequest request) {
        if (request.targetNfType() == null || !NF_TYPE.matcher(request.targetNfType()).matches()) {
            throw ProblemException.badRequest("MANDATORY_QUERY_PARAM_INCORRECT",
                    "target-nf-type is required and must be an NFType such as AMF or SMF: " + request.targetNfType());
        }
        // the requester is who its token says (the body's requesterNfType is only checked when nothing proves one)
        if (Caller.current().proof() != Caller.Proof.ACCESS_TOKEN
                && (request.requesterNfType() == null || !NF_TYPE.matcher(request.requesterNfType()).matches())) {
            throw ProblemException.badRequest("MANDATORY_QUERY_PARAM_INCORRECT",
                    "requester-nf-type is required and must be an NFType: " + request.requesterNfType());
        }
        List<NfProfile> found = new ArrayList<>();
        for (byte[] value : store.scan("nf/" + request.targetNfType() + "/", MAX_INSTANCES).values()) {
            NfProfile p = json.readValue(value, NfProfile.class);
            if ("REGISTERED".equals(p.nfStatus()) && servesSlices(p, request.snssais()) && servesDnn(p, request.dnn())) {
                found.add(p);
            }
        }
        return new NfDiscoveryResult((int) properties.validityPeriod().toSeconds(), found);
    }

    private static boolean servesSlices(NfProfile p, List<Snssai> wanted) {
        if (wanted.isEmpty() || p.sNssais().isEmpty()) {
            return true; // an NF that lists no slices serves all (TS 29.510 6.1.6.2.2 sNssais)
        }
        return wanted.stream().anyMatch(p.sNssais()::contains);
    }

    private static boolean servesDnn(NfProfile p, String dnn) {
        if (dnn == null || p.smfInfo() == null) {
            return true;
        }
        return p.smfInfo().sNssaiSmfInfoList().stream().anyMatch(i -> i.dnns().contains(dnn));
    }

    private static void validate(NfProfile p) {
        if (p.nfInstanceId() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "nfInstanceId is required");
        }
        try {
            UUID.fromString(p.nfInstanceId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "nfInstanceId must be a UUID: " + p.nfInstanceId());
        }
        if (p.nfType() == null || !NF_TYPE.matcher(p.nfType()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "nfType must be an NFType such as AMF or SMF: " + p.nfType());
        }
        if (p.nfStatus() != null && !STATUSES.contains(p.nfStatus())) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "nfStatus must be one of " + STATUSES + ": " + p.nfStatus());
        }
    }

    private static String keyOf(String nfType, String id) {
        return "nf/" + nfType + "/" + id;
    }
}
