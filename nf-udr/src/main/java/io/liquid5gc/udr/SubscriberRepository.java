package io.liquid5gc.udr;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.AuthenticationSubscription.SequenceNumber;
import io.liquid5gc.sbi.udr.DataWriteResult;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.udr.keys.SubscriberKeyCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/**
 * Subscription data in the state store: one JSON document per subscriber at {@code subscriber/<supi>} (the in-process
 * store journals that prefix, so provisioned subscribers survive a restart; in Redis the key is
 * {@code liquid5gc:state:subscriber/<supi>}). One key per subscriber makes every change of a subscriber, the SQN
 * included, a single compare-and-set. K and OPc are encrypted in every document ({@link SubscriberKeyCipher}): the
 * journal, Redis and any other store only ever see them under the key-encryption key; every write encrypts with the
 * newest key, so a rotated key takes over as subscribers are written (and {@link #reencryptAll()} does the rest).
 */
public final class SubscriberRepository {

    public static final String KEY_PREFIX = "subscriber/";

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final SubscriberKeyCipher cipher;

    public SubscriberRepository(KeyValueStore store, ObjectMapper json, SubscriberKeyCipher cipher) {
        this.store = store;
        this.json = json;
        this.cipher = cipher;
    }

    static String keyOf(String supi) {
        return KEY_PREFIX + supi;
    }

    public Optional<SubscriptionData> find(String supi) {
        return store.get(keyOf(supi)).map(this::decode);
    }

    /** Creates the subscriber only when absent; false when it already exists. */
    public boolean create(SubscriptionData data) {
        return store.compareAndSet(keyOf(data.ueId()), null, encode(data), null);
    }

    /** Creates or replaces the whole subscriber; true when it was created. */
    public boolean replace(SubscriptionData data) {
        boolean[] created = new boolean[1];
        byte[] bytes = encode(data);
        store.update(keyOf(data.ueId()), current -> {
            created[0] = current.isEmpty();
            return Optional.of(bytes);
        }, null);
        return created[0];
    }

    /** Atomically transforms the subscriber (the function may run more than once); empty when absent. */
    public Optional<SubscriptionData> modify(String supi, UnaryOperator<SubscriptionData> change) {
        return store.update(keyOf(supi), current -> current.map(b -> encode(change.apply(decode(b)))), null)
                .map(this::decode);
    }

    public boolean delete(String supi) {
        return store.delete(keyOf(supi));
    }

    /** At most {@code limit} subscribers in SUPI order. */
    public List<SubscriptionData> list(int limit) {
        List<SubscriptionData> out = new ArrayList<>();
        store.scan(KEY_PREFIX, limit).values().forEach(v -> out.add(decode(v)));
        return out;
    }

    /**
     * One page of the subscribers whose IMSI starts with {@code imsiPrefix} (digits, may be empty), in SUPI order,
     * after the SUPI {@code after} (exclusive; null: from the first), at most {@code limit}. Only bounded prefix scans:
     * the keys that extend {@code after}, then, from its last digit back to the prefix, the keys that start like
     * {@code after} up to that digit and go on with a greater digit (IMSIs are digits only). On the in-process store
     * each scan is a range of its sorted map, so a page costs the same at the millionth subscriber as at the first; on
     * Redis each scan is a pass over the keyspace (see store-redis).
     */
    public List<SubscriptionData> page(String imsiPrefix, String after, int limit) {
        String base = KEY_PREFIX + "imsi-" + imsiPrefix;
        List<SubscriptionData> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        if (after == null || !(KEY_PREFIX + after).startsWith(base)) {
            store.scan(base, limit).values().forEach(v -> out.add(decode(v)));
            return out;
        }
        String from = KEY_PREFIX + after;
        for (var e : store.scan(from, limit + 1).entrySet()) {
            if (!e.getKey().equals(from) && out.size() < limit) {
                out.add(decode(e.getValue()));
            }
        }
        for (int i = from.length() - 1; i >= base.length() && out.size() < limit; i--) {
            String head = from.substring(0, i);
            for (char d = (char) (from.charAt(i) + 1); d <= '9' && out.size() < limit; d++) {
                store.scan(head + d, limit - out.size()).values().forEach(v -> out.add(decode(v)));
            }
        }
        return out;
    }

    /** Where the default subscribers' import records how far it got (not under {@link #KEY_PREFIX}: no subscriber). */
    static final String DEFAULT_IMPORT_KEY = "provisioning/default-subscribers-import";

    /** The default subscribers' import: its state ({@code started} or {@code done}) and source, if one ever began here. */
    public Optional<String> defaultImport() {
        return store.get(DEFAULT_IMPORT_KEY).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Records the default subscribers' import state ({@code started <location>} before it writes, {@code done <location>} after). */
    public void markDefaultImport(String state) {
        store.put(DEFAULT_IMPORT_KEY, state.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** True when at least one subscriber is provisioned. */
    public boolean any() {
        return !store.scan(KEY_PREFIX, 1).isEmpty();
    }

    /**
     * Sets SQN_HE to {@code next} if it is still {@code expectedSqn} (TS 33.102 C.3: one SQN per vector). A
     * compare-and-set of the subscriber's document: two concurrent authentications can read the same SQN_HE, but
     * only one of them can move it on; the other is told the current value and computes again.
     *
     * @return empty when the subscriber does not exist or has no authentication subscription
     */
    Optional<DataWriteResult> compareAndSetSqn(String supi, String expectedSqn, SequenceNumber next) {
        String key = keyOf(supi);
        for (int attempt = 0; attempt < KeyValueStore.MAX_UPDATE_ATTEMPTS; attempt++) {
            Optional<byte[]> raw = store.get(key);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            SubscriptionData current = decode(raw.get());
            AuthenticationSubscription auth = current.authenticationSubscription();
            if (auth == null || auth.sequenceNumber() == null) {
                return Optional.empty();
            }
            if (!auth.sequenceNumber().sqn().equalsIgnoreCase(expectedSqn)) {
                return Optional.of(new DataWriteResult(supi, false, false, auth.sequenceNumber()));
            }
            SubscriptionData updated = new SubscriptionData(current.ueId(), auth.withSequenceNumber(next), current.amData(),
                    current.smfSelData(), current.smData());
            if (store.compareAndSet(key, raw.get(), encode(updated), null)) {
                return Optional.of(new DataWriteResult(supi, true, false, next));
            }
        }
        throw new StoreException("SQN update of " + supi + " still contended after " + KeyValueStore.MAX_UPDATE_ATTEMPTS + " attempts");
    }

    /**
     * Decrypts the keys of up to {@code sample} subscribers: a start with the wrong key-encryption key fails here,
     * clearly, instead of at the first authentication.
     *
     * @throws SubscriberKeyCipher.KeyProtectionException naming the subscriber and the key id
     */
    /**
     * Runs start-time work on the subscribers once the store answers (at once when it does; after the connection when
     * a Redis is not up yet: {@link KeyValueStore#onConnected}).
     */
    public void whenStoreAnswers(String what, Runnable work) {
        store.onConnected(what, work);
    }

    public int verifyReadable(int sample) {
        int n = 0;
        for (byte[] raw : store.scan(KEY_PREFIX, sample).values()) {
            decode(raw);
            n++;
        }
        return n;
    }

    /** Rewrites every subscriber whose keys are not under the newest key-encryption key; returns how many. */
    public int reencryptAll() {
        int done = 0;
        for (var e : store.scan(KEY_PREFIX, Integer.MAX_VALUE).entrySet()) {
            SubscriptionData stored = json.readValue(e.getValue(), SubscriptionData.class);
            if (cipher.isCurrent(stored.authenticationSubscription())) {
                continue;
            }
            String supi = e.getKey().substring(KEY_PREFIX.length());
            if (modify(supi, UnaryOperator.identity()).isPresent()) {
                done++;
            }
        }
        return done;
    }

    private byte[] encode(SubscriptionData data) {
        return json.writeValueAsBytes(new SubscriptionData(data.ueId(), cipher.protect(data.ueId(), data.authenticationSubscription()),
                data.amData(), data.smfSelData(), data.smData()));
    }

    private SubscriptionData decode(byte[] bytes) {
        SubscriptionData d = json.readValue(bytes, SubscriptionData.class);
        return d.authenticationSubscription() == null ? d : new SubscriptionData(d.ueId(),
                cipher.unprotect(d.ueId(), d.authenticationSubscription()), d.amData(), d.smfSelData(), d.smData());
    }
}
