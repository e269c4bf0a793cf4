package io.liquid5gc.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RunnerConfigTest {

    private static Properties props(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void whenAGroupNamesSeveralFunctions_thenEachIsAUnitWithTheGroupsCommandDirectoryAndEnvironment() throws Exception {
        RunnerConfig c = RunnerConfig.parse(props("""
                liquid5gc.runner.port=8099
                liquid5gc.runner.idle=45s
                liquid5gc.runner.max-queue=32
                liquid5gc.runner.start-timeout=PT2M
                liquid5gc.runner.stop-grace=500ms
                liquid5gc.runner.group.udm.functions=udm-generate-auth-data, udm-get-subscriber-data
                liquid5gc.runner.group.udm.directory=/opt/units/nf-udm
                liquid5gc.runner.group.udm.command=java -XX:TieredStopAtLevel=1 -jar app.jar --server.port={port} --liquid5gc.serve.function={unit} --liquid5gc.faas-url-pattern=http://127.0.0.1:8099/{function}
                liquid5gc.runner.group.udm.env.LIQUID5GC_SECURITY_CLIENTSECRET=s3cret
                unrelated.key=ignored
                """));

        assertThat(c.settings().port()).isEqualTo(8099);
        assertThat(c.settings().idle()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.settings().maxQueue()).isEqualTo(32);
        assertThat(c.settings().startTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.settings().stopGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.settings().address().isLoopbackAddress()).isTrue();
        assertThat(c.units()).extracting(UnitCommand::function).containsExactly("udm-generate-auth-data", "udm-get-subscriber-data");
        UnitCommand second = c.units().get(1);
        assertThat(second.directory()).isEqualTo(Path.of("/opt/units/nf-udm"));
        assertThat(second.environment()).isEqualTo(Map.of("LIQUID5GC_SECURITY_CLIENTSECRET", "s3cret"));
        assertThat(second.resolve(40123)).isEqualTo(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", "app.jar",
                "--server.port=40123", "--liquid5gc.serve.function=udm-get-subscriber-data",
                "--liquid5gc.faas-url-pattern=http://127.0.0.1:8099/{function}")); // the placement pattern's own placeholder stays
    }

    @Test
    void whenTheDocumentedExampleIsParsed_thenItIsValidAndServesTheNssfUnit() throws Exception {
        Properties p = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(Path.of("runner.example.properties"))) {
            p.load(in);
        }

        RunnerConfig c = RunnerConfig.parse(p);

        assertThat(c.settings().port()).isEqualTo(8099);
        assertThat(c.units()).singleElement().satisfies(u -> {
            assertThat(u.function()).isEqualTo("nssf-slice-select");
            assertThat(u.resolve(1234)).contains("--server.port=1234", "--liquid5gc.serve.function=nssf-slice-select");
            assertThat(u.environment()).containsKey("LIQUID5GC_SECURITY_CLIENTSECRET");
        });
    }

    @Test
    void whenASettingIsMisspelled_thenTheErrorNamesItAndTheKnownOnes() {
        assertThatThrownBy(() -> RunnerConfig.parse(props("liquid5gc.runner.idel=30s\n")))
                .hasMessageStartingWith("liquid5gc.runner.idel: unknown setting").hasMessageContaining("idle");
    }

    @Test
    void whenAValueIsMalformed_thenTheErrorNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> RunnerConfig.parse(props("liquid5gc.runner.idle=thirty\n")))
                .hasMessage("liquid5gc.runner.idle=thirty: not a duration (500ms, 30s, 3m, 1h or PT30S)");
        assertThatThrownBy(() -> RunnerConfig.parse(props("liquid5gc.runner.max-queue=0\nliquid5gc.runner.group.a.functions=x\nliquid5gc.runner.group.a.command=x {port}\n")))
                .hasMessageContaining("max-queue=0: at least 1");
    }

    @Test
    void whenACommandHasNoPortPlaceholderOrIsMissing_thenTheGroupIsRefused() {
        assertThatThrownBy(() -> RunnerConfig.parse(props("liquid5gc.runner.group.a.functions=amf-initial-registration\nliquid5gc.runner.group.a.command=java -jar app.jar\n")))
                .hasMessage("liquid5gc.runner.group.a: amf-initial-registration: the command must contain {port} (the port the runner forwards to)");
        assertThatThrownBy(() -> RunnerConfig.parse(props("liquid5gc.runner.group.a.functions=amf-initial-registration\n")))
                .hasMessageContaining("liquid5gc.runner.group.a.command: missing");
        assertThatThrownBy(() -> RunnerConfig.parse(props("liquid5gc.runner.idle=1s\n"))).hasMessageContaining("no function configured");
    }

    @Test
    void whenTheAddressIsNotLoopback_thenTheRunnerRefusesIt() {
        assertThatThrownBy(() -> RunnerConfig.parse(props("liquid5gc.runner.address=0.0.0.0\n")))
                .hasMessageContaining("listens on loopback only");
    }
}
