package io.liquid5gc.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The connect-time check of eviction and persistence settings, against real servers set up each way. */
class RedisSettingsCheckTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RedisSettingsCheck.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private RedisSettingsCheck.Report connectTo(RedisServerProcess server) {
        try (RedisKeyValueStore store = RedisKeyValueStore.connect(RedisStoreProperties.defaults().withUrl(server.url()), "state")) {
            return store.settings();
        }
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void whenNoevictionAndAppendonly_thenQuiet() {
        try (RedisServerProcess server = RedisServerProcess.start("--maxmemory-policy", "noeviction", "--appendonly", "yes")) {
            RedisSettingsCheck.Report report = connectTo(server);
            assertThat(report.ok()).isTrue();
            assertThat(report.configReadable()).isTrue();
            assertThat(report.maxmemoryPolicy()).isEqualTo("noeviction");
            assertThat(report.appendOnly()).isTrue();
            assertThat(warnings()).isEmpty();
        }
    }

    @Test
    void whenEvictionPolicyIsAllkeysLru_thenItWarns() {
        try (RedisServerProcess server = RedisServerProcess.start("--maxmemory-policy", "allkeys-lru")) {
            RedisSettingsCheck.Report report = connectTo(server);
            assertThat(report.maxmemoryPolicy()).isEqualTo("allkeys-lru");
            assertThat(report.warnings()).hasSize(1);
            assertThat(warnings()).singleElement().asString()
                    .contains(server.url(), "maxmemory-policy is allkeys-lru", "noeviction");
        }
    }

    @Test
    void whenNeitherAofNorRdbIsOn_thenItWarns() {
        try (RedisServerProcess server = RedisServerProcess.start("--appendonly", "no", "--save", "")) {
            RedisSettingsCheck.Report report = connectTo(server);
            assertThat(report.appendOnly()).isFalse();
            assertThat(warnings()).singleElement().asString().contains("persistence is off", "appendonly yes");
        }
    }

    @Test
    void whenOnlyRdbSnapshotsAreOn_thenPersistenceIsAccepted() {
        try (RedisServerProcess server = RedisServerProcess.start("--appendonly", "no", "--save", "900 1")) {
            RedisSettingsCheck.Report report = connectTo(server);
            assertThat(report.save()).isEqualTo("900 1");
            assertThat(warnings()).isEmpty();
        }
    }

    @Test
    void whenConfigIsNotAllowed_thenItSaysSoAndStillReadsThePolicyFromInfo() {
        try (RedisServerProcess server = RedisServerProcess.start("--rename-command", "CONFIG", "",
                "--maxmemory-policy", "volatile-lru")) {
            RedisSettingsCheck.Report report = connectTo(server);
            assertThat(report.configReadable()).isFalse();
            assertThat(report.maxmemoryPolicy()).isEqualTo("volatile-lru");
            assertThat(warnings()).hasSize(2);
            assertThat(warnings().get(0)).contains("CONFIG GET was refused", "managed Redis");
            assertThat(warnings().get(1)).contains("maxmemory-policy is volatile-lru");
        }
    }

    @Test
    void whenTheCheckIsDisabled_thenNothingIsRead() {
        try (RedisServerProcess server = RedisServerProcess.start("--maxmemory-policy", "allkeys-lru");
             RedisKeyValueStore store = RedisKeyValueStore.connect(
                     RedisStoreProperties.defaults().withUrl(server.url()).withCheckSettings(false), "state")) {
            assertThat(store.settings()).isNull();
            assertThat(warnings()).isEmpty();
        }
    }
}
