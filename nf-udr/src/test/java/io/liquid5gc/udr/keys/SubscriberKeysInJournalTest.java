package io.liquid5gc.udr.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.app.PrivateFiles;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.udr.SubscriberRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The in-process store's journal file: K and OPc never in clear, mode 0600, readable again after a restart. */
class SubscriberKeysInJournalTest {

    static final String K = "8baf473f2f8fd09487cccbd7097c6862";
    static final String OPC = "8e27b6af0e692e750f32667a3b14605d";

    @TempDir
    Path dir;

    @Test
    void whenSubscribersAreJournaled_thenTheFileHoldsNoKeyInClearAndOnlyItsOwnerMayReadIt() throws Exception {
        Path journal = dir.resolve("data/liquid5gc-store.journal");
        String supi = "imsi-001010000000077";
        try (InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC(), journal, List.of("subscriber/"))) {
            new SubscriberRepository(store, new JsonMapper(), TestKeks.cipher()).create(new SubscriptionData(supi,
                    new AuthenticationSubscription("5G_AKA", K, "none", new AuthenticationSubscription.SequenceNumber("NON_TIME_BASED", "000000000000", 5),
                            "8000", "milenage", OPC, supi), null, null, null));
        }
        String text = new String(Files.readAllBytes(journal), StandardCharsets.ISO_8859_1);
        assertThat(text).contains(supi);
        for (String secret : List.of(K, OPC)) {
            assertThat(text).doesNotContain(secret).doesNotContain(secret.toUpperCase(Locale.ROOT));
        }
        assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(PrivateFiles.OWNER_ONLY);
        try (InMemoryKeyValueStore again = new InMemoryKeyValueStore(Clock.systemUTC(), journal, List.of("subscriber/"))) {
            assertThat(new SubscriberRepository(again, new JsonMapper(), TestKeks.cipher()).find(supi).orElseThrow()
                    .authenticationSubscription().encPermanentKey()).isEqualTo(K);
        }
    }
}
