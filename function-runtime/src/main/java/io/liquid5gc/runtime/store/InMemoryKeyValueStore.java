package io.liquid5gc.runtime.store;

import io.liquid5gc.runtime.app.PrivateFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process store: a concurrent sorted map, with expiry on an injected clock. Keys under the configured
 * persistent prefixes (subscribers by default) are also written to an append-only journal file, replayed and
 * compacted at start, so provisioned subscribers survive a restart. UE and session state is in memory only:
 * use Redis for state that must outlive the process.
 */
public final class InMemoryKeyValueStore implements KeyValueStore {

    private static final Logger log = LoggerFactory.getLogger(InMemoryKeyValueStore.class);
    private static final int JOURNAL_MAGIC = 0x4c354a31; // "L5J1"
    private static final byte OP_PUT = 'P';
    private static final byte OP_DELETE = 'D';
    private static final int MAX_JOURNAL_FIELD = 16 * 1024 * 1024;

    private record Entry(byte[] value, long expiresAt) {
        boolean expired(long now) {
            return expiresAt != 0 && expiresAt <= now;
        }
    }

    private final ConcurrentSkipListMap<String, Entry> map = new ConcurrentSkipListMap<>();
    private final Clock clock;
    private final List<String> persistentPrefixes;
    private final Path journalPath;
    private final Object journalLock = new Object();
    private DataOutputStream journal;

    /** A store with nothing persisted. */
    public InMemoryKeyValueStore(Clock clock) {
        this(clock, null, List.of());
    }

    /**
     * @param journalPath        the journal file (created with its directory), or null to persist nothing
     * @param persistentPrefixes keys starting with one of these are journaled
     */
    public InMemoryKeyValueStore(Clock clock, Path journalPath, List<String> persistentPrefixes) {
        this.clock = clock;
        this.journalPath = journalPath;
        this.persistentPrefixes = List.copyOf(persistentPrefixes);
        if (journalPath != null && !this.persistentPrefixes.isEmpty()) {
            openJournal();
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Entry e = live(key);
        return e == null ? Optional.empty() : Optional.of(e.value().clone());
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        Entry entry = new Entry(value.clone(), expiry(ttl));
        if (isPersistent(key)) {
            synchronized (journalLock) {
                map.put(key, entry);
                append(OP_PUT, key, entry);
            }
        } else {
            map.put(key, entry);
        }
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
        Entry next = value == null ? null : new Entry(value.clone(), expiry(ttl));
        if (isPersistent(key)) {
            synchronized (journalLock) {
                boolean swapped = swap(key, expected, next);
                if (swapped) {
                    append(next == null ? OP_DELETE : OP_PUT, key, next);
                }
                return swapped;
            }
        }
        return swap(key, expected, next);
    }

    private boolean swap(String key, byte[] expected, Entry next) {
        boolean[] swapped = new boolean[1];
        long now = clock.millis();
        map.compute(key, (k, current) -> {
            Entry cur = current == null || current.expired(now) ? null : current;
            boolean matches = expected == null ? cur == null : cur != null && Arrays.equals(cur.value(), expected);
            swapped[0] = matches;
            return matches ? next : cur;
        });
        return swapped[0];
    }

    @Override
    public boolean delete(String key) {
        long now = clock.millis();
        if (isPersistent(key)) {
            synchronized (journalLock) {
                Entry old = map.remove(key);
                if (old != null) {
                    append(OP_DELETE, key, null);
                }
                return old != null && !old.expired(now);
            }
        }
        Entry old = map.remove(key);
        return old != null && !old.expired(now);
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        long now = clock.millis();
        ConcurrentNavigableMap<String, Entry> range = prefix.isEmpty() ? map : map.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        for (Map.Entry<String, Entry> e : range.entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (e.getValue().expired(now)) {
                map.remove(e.getKey(), e.getValue());
                continue;
            }
            out.put(e.getKey(), e.getValue().value().clone());
        }
        return out;
    }

    @Override
    public long increment(String key, long delta) {
        long[] result = new long[1];
        long now = clock.millis();
        if (isPersistent(key)) {
            synchronized (journalLock) {
                Entry e = map.compute(key, (k, cur) -> counted(k, cur, delta, now, result));
                append(OP_PUT, key, e);
                return result[0];
            }
        }
        map.compute(key, (k, cur) -> counted(k, cur, delta, now, result));
        return result[0];
    }

    /**
     * Under one lock for every marked count: the marker is compared and swapped and the counter moved by the map's own
     * atomic operations, so other writers of either key are never lost; two marked counts never interleave.
     */
    @Override
    public MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value) {
        synchronized (journalLock) {
            long now = clock.millis();
            Entry c = live(counter);
            long base = c == null ? 0 : parseCounter(counter, c.value());
            Entry m = live(marker);
            boolean matches = expected == null ? m == null : m != null && Arrays.equals(m.value(), expected);
            if (!matches) {
                return new MarkedCount(MarkedCount.Outcome.MARKER_DIFFERS, base);
            }
            long next = Math.max(0, Math.addExact(base, delta));
            if (delta > 0 && limit != null && next > limit) {
                return new MarkedCount(MarkedCount.Outcome.OVER_LIMIT, base);
            }
            if (!swap(marker, expected, value == null ? null : new Entry(value.clone(), 0))) {
                return new MarkedCount(MarkedCount.Outcome.MARKER_DIFFERS, base); // a plain write got in between
            }
            long[] result = new long[1];
            Entry e = map.compute(counter, (k, cur) -> {
                long b = cur == null || cur.expired(now) ? 0 : parseCounter(k, cur.value());
                return counted(k, cur, Math.max(delta, -b), now, result); // never below zero
            });
            if (isPersistent(marker)) {
                append(value == null ? OP_DELETE : OP_PUT, marker, map.get(marker));
            }
            if (isPersistent(counter)) {
                append(OP_PUT, counter, e);
            }
            return new MarkedCount(MarkedCount.Outcome.COUNTED, result[0]);
        }
    }

    private static Entry counted(String key, Entry cur, long delta, long now, long[] result) {
        long base = 0;
        long expiresAt = 0;
        if (cur != null && !cur.expired(now)) {
            base = parseCounter(key, cur.value());
            expiresAt = cur.expiresAt();
        }
        result[0] = Math.addExact(base, delta);
        return new Entry(Long.toString(result[0]).getBytes(StandardCharsets.US_ASCII), expiresAt);
    }

    static long parseCounter(String key, byte[] value) {
        try {
            return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new StoreException("key " + key + " holds a value that is not a counter");
        }
    }

    @Override
    public String describe() {
        return journal == null ? "memory" : "memory (journal " + journalPath + ")";
    }

    /** Removes expired entries; returns how many. Called by the runtime's housekeeping timer. */
    public int purgeExpired() {
        long now = clock.millis();
        int n = 0;
        for (Map.Entry<String, Entry> e : map.entrySet()) {
            if (e.getValue().expired(now) && map.remove(e.getKey(), e.getValue())) {
                n++;
            }
        }
        return n;
    }

    /** Entries held, expired or not (for metrics). */
    public int size() {
        return map.size();
    }

    private Entry live(String key) {
        Entry e = map.get(key);
        if (e != null && e.expired(clock.millis())) {
            map.remove(key, e);
            return null;
        }
        return e;
    }

    private long expiry(Duration ttl) {
        if (ttl == null || ttl.isZero()) {
            return 0;
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative ttl " + ttl);
        }
        return clock.millis() + ttl.toMillis();
    }

    private boolean isPersistent(String key) {
        if (journal == null) {
            return false;
        }
        for (String p : persistentPrefixes) {
            if (key.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    // ---- journal ----

    private void openJournal() {
        try {
            Path dir = journalPath.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (Files.exists(journalPath)) {
                PrivateFiles.restrict(journalPath); // an older 0644 journal is closed first
                replay();
            }
            compact();
            journal = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(journalPath,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)));
            log.info("in-process store: {} persistent entries under {} from journal {}",
                    map.size(), persistentPrefixes, journalPath);
        } catch (IOException e) {
            throw new StoreException("cannot open the store journal " + journalPath + ": " + e.getMessage(), e);
        }
    }

    private void replay() throws IOException {
        long now = clock.millis();
        try (InputStream raw = Files.newInputStream(journalPath);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException empty) {
                return;
            }
            if (magic != JOURNAL_MAGIC) {
                throw new StoreException("the store journal " + journalPath + " is not a Liquid5GC journal");
            }
            int records = 0;
            while (true) {
                int op = in.read();
                if (op < 0) {
                    break;
                }
                try {
                    String key = new String(readField(in), StandardCharsets.UTF_8);
                    if (op == OP_PUT) {
                        byte[] value = readField(in);
                        long expiresAt = in.readLong();
                        if (expiresAt == 0 || expiresAt > now) {
                            map.put(key, new Entry(value, expiresAt));
                        } else {
                            map.remove(key);
                        }
                    } else if (op == OP_DELETE) {
                        map.remove(key);
                    } else {
                        log.warn("store journal {}: unknown record type {} after {} records; ignoring the rest", journalPath, op, records);
                        break;
                    }
                    records++;
                } catch (EOFException truncated) {
                    log.warn("store journal {}: the last record is incomplete (interrupted write); {} records kept", journalPath, records);
                    break;
                }
            }
        }
    }

    private static byte[] readField(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_JOURNAL_FIELD) {
            throw new EOFException("field length " + len);
        }
        byte[] b = in.readNBytes(len);
        if (b.length != len) {
            throw new EOFException("field cut short");
        }
        return b;
    }

    private void compact() throws IOException {
        Path tmp = journalPath.resolveSibling(journalPath.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        PrivateFiles.ensure(tmp); // mode 0600: subscriber data, even with its keys encrypted
        try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            out.writeInt(JOURNAL_MAGIC);
            for (Map.Entry<String, Entry> e : map.entrySet()) {
                writeRecord(out, OP_PUT, e.getKey(), e.getValue());
            }
        }
        Files.move(tmp, journalPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void append(byte op, String key, Entry entry) {
        try {
            writeRecord(journal, op, key, entry);
            journal.flush();
        } catch (IOException e) {
            throw new StoreException("cannot write the store journal " + journalPath + ": " + e.getMessage(), e);
        }
    }

    private static void writeRecord(DataOutputStream out, byte op, String key, Entry entry) throws IOException {
        out.writeByte(op);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        out.writeInt(k.length);
        out.write(k);
        if (op == OP_PUT) {
            out.writeInt(entry.value().length);
            out.write(entry.value());
            out.writeLong(entry.expiresAt());
        }
    }

    @Override
    public void close() {
        synchronized (journalLock) {
            if (journal != null) {
                try {
                    journal.close();
                } catch (IOException e) {
                    log.warn("closing the store journal {}: {}", journalPath, e.getMessage());
                }
                journal = null;
            }
        }
    }
}
