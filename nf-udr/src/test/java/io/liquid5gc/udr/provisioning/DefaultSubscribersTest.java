package io.liquid5gc.udr.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.udr.SubscriberRepository;
import io.liquid5gc.udr.UdrApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The default subscribers are imported into an empty store only; provisioned subscribers survive a restart (journal). */
class DefaultSubscribersTest {

    private static ConfigurableApplicationContext udr(String... properties) {
        return new SpringApplicationBuilder(UdrApplication.class).web(WebApplicationType.NONE).properties(properties).run();
    }

    @Test
    void whenTheJournalAlreadyHasSubscribers_thenTheDefaultSetIsNotImportedAgainAndRemovalsStay(@TempDir Path dir) {
        String journal = "liquid5gc.store.memory.journal=" + dir.resolve("store.journal");
        String defaults = "liquid5gc.provisioning.default-subscribers=classpath:test-subscribers.yaml";
        try (ConfigurableApplicationContext first = udr(journal, defaults)) {
            SubscriberRepository repo = first.getBean(SubscriberRepository.class);
            assertThat(repo.list(10)).hasSize(2);
            assertThat(repo.delete("imsi-001019990000001")).isTrue();
        }
        try (ConfigurableApplicationContext second = udr(journal, defaults)) {
            SubscriberRepository repo = second.getBean(SubscriberRepository.class);
            assertThat(repo.find("imsi-001019990000001")).isEmpty();
            assertThat(repo.find("imsi-001019990000002")).hasValueSatisfying(d ->
                    assertThat(d.authenticationSubscription().encPermanentKey()).isEqualTo("465b5ce8b199b49faa5f0a2ee238a6bc"));
        }
    }

    @Test
    void whenAnImportWasCutShort_thenTheNextStartFinishesItAndKeepsWhatWasThere(@TempDir Path dir) {
        String journal = "liquid5gc.store.memory.journal=" + dir.resolve("store.journal");
        String defaults = "liquid5gc.provisioning.default-subscribers=classpath:test-subscribers.yaml";
        try (ConfigurableApplicationContext first = udr(journal, defaults)) {
            SubscriberRepository repo = first.getBean(SubscriberRepository.class);
            assertThat(repo.defaultImport()).hasValue("done classpath:test-subscribers.yaml");
            // as an import stopped after its first subscriber (seen: a Redis command timing out on a busy machine)
            assertThat(repo.delete("imsi-001019990000002")).isTrue();
            repo.markDefaultImport("started classpath:test-subscribers.yaml");
        }
        try (ConfigurableApplicationContext second = udr(journal, defaults)) {
            SubscriberRepository repo = second.getBean(SubscriberRepository.class);
            assertThat(repo.find("imsi-001019990000002")).as("finished").isPresent();
            assertThat(repo.find("imsi-001019990000001")).isPresent();
            assertThat(repo.defaultImport()).hasValue("done classpath:test-subscribers.yaml");
        }
    }

    @Test
    void whenTheDefaultSetIsSwitchedOff_thenTheStoreStartsEmpty() {
        try (ConfigurableApplicationContext udr = udr("liquid5gc.store.memory.journal=none", "liquid5gc.provisioning.default-subscribers=none")) {
            assertThat(udr.getBean(SubscriberRepository.class).any()).isFalse();
        }
    }

    @Test
    void whenTheDefaultFileIsMissing_thenTheStartFailsNamingTheProperty() {
        try (ConfigurableApplicationContext udr = udr("liquid5gc.store.memory.journal=none",
                "liquid5gc.provisioning.default-subscribers=classpath:nope.yaml")) {
            throw new AssertionError("started");
        } catch (RuntimeException e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages).contains("liquid5gc.provisioning.default-subscribers=classpath:nope.yaml: cannot read it");
        }
    }
}
