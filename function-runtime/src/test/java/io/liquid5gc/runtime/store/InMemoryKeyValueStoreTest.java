package io.liquid5gc.runtime.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.testing.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryKeyValueStoreTest extends StoreCompatibilityKit {

    private final MovableClock clock = new MovableClock();

    @Override
    protected KeyValueStore newStore() {
        return new InMemoryKeyValueStore(clock);
    }

    @Override
    protected void letTimePass(Duration d) {
        clock.advance(d);
    }

    @Nested
    class Journal {

        @TempDir
        Path dir;

        @Test
        void whenRestarted_thenPersistentPrefixesSurviveAndOthersDoNot() {
            Path journal = dir.resolve("sub/store.journal");
            try (InMemoryKeyValueStore first = new InMemoryKeyValueStore(clock, journal, List.of("subscriber/"))) {
                first.put("subscriber/imsi-001010000000001", "k1".getBytes(UTF_8));
                first.put("subscriber/imsi-001010000000002", "k2".getBytes(UTF_8));
                first.compareAndSet("subscriber/imsi-001010000000002", "k2".getBytes(UTF_8), "k2b".getBytes(UTF_8), null);
                first.put("subscriber/imsi-001010000000003", "k3".getBytes(UTF_8));
                first.delete("subscriber/imsi-001010000000003");
                first.increment("subscriber/sqn/imsi-001010000000001", 33);
                first.put("ue/ctx-1", "volatile".getBytes(UTF_8));
            }
            try (InMemoryKeyValueStore second = new InMemoryKeyValueStore(clock, journal, List.of("subscriber/"))) {
                assertThat(second.scan("subscriber/", 10).keySet()).containsExactly(
                        "subscriber/imsi-001010000000001", "subscriber/imsi-001010000000002", "subscriber/sqn/imsi-001010000000001");
                assertThat(new String(second.get("subscriber/imsi-001010000000002").orElseThrow(), UTF_8)).isEqualTo("k2b");
                assertThat(second.increment("subscriber/sqn/imsi-001010000000001", 1)).isEqualTo(34);
                assertThat(second.get("ue/ctx-1")).isEmpty();
            }
        }

        @Test
        void whenTheLastRecordIsCutShort_thenEarlierRecordsAreKept() throws IOException {
            Path journal = dir.resolve("store.journal");
            try (InMemoryKeyValueStore first = new InMemoryKeyValueStore(clock, journal, List.of("subscriber/"))) {
                first.put("subscriber/a", "1".getBytes(UTF_8));
                first.put("subscriber/b", "2".getBytes(UTF_8));
            }
            byte[] bytes = Files.readAllBytes(journal);
            Files.write(journal, java.util.Arrays.copyOf(bytes, bytes.length - 3));
            try (InMemoryKeyValueStore second = new InMemoryKeyValueStore(clock, journal, List.of("subscriber/"))) {
                assertThat(second.get("subscriber/a")).isPresent();
                assertThat(second.get("subscriber/b")).isEmpty();
            }
        }

        @Test
        void whenTheJournalIsWritten_thenOnlyItsOwnerMayReadIt() throws IOException {
            Path journal = dir.resolve("store.journal");
            Files.writeString(journal, ""); // an older journal, created world-readable
            Files.setPosixFilePermissions(journal, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            try (InMemoryKeyValueStore store = new InMemoryKeyValueStore(clock, journal, List.of("subscriber/"))) {
                store.put("subscriber/a", "1".getBytes(UTF_8));
            }
            assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(io.liquid5gc.runtime.app.PrivateFiles.OWNER_ONLY);
        }
    }
}
