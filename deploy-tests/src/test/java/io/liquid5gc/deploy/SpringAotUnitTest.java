package io.liquid5gc.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's default for nf-nssf, the module built with Spring AOT (process-aot): the exec jar extracted with every
 * store engine (STORES "redis etcd", the Dockerfile's default), started with {@code -Dspring.aot.enabled=true} as the
 * image's jvm.options then says, serving nssf-slice-select correctly. The frozen bean definitions must name only what
 * the exec jar holds: process-aot once ran on a class path with the AWS adapter, which the exec jar leaves out, and
 * every such start failed with NoClassDefFoundError (AWSCompanionAutoConfiguration).
 */
class SpringAotUnitTest {

    @TempDir
    static Path dir;
    static ExtractedUnit unit;

    @BeforeAll
    static void startWithSpringAot() throws Exception {
        unit = ExtractedUnit.extract("nf-nssf", dir.resolve("app"), "redis etcd");
        unit.withJvmOptions("-Dspring.aot.enabled=true").startAndAwaitReady("--liquid5gc.serve.function=nssf-slice-select",
                "--liquid5gc.serve.placement=faas", "--liquid5gc.security.jwks=" + FunctionUnitTest.NRF.publicJwks(),
                "--liquid5gc.store.memory.journal=none");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    void whenTheImagesDefaultUnitStartsWithSpringAot_thenItRunsTheFrozenDefinitionsAndAnswersTheFunction() throws Exception {
        Path pruned = unit.dir.resolve("pruned-stores");
        assertThat(!Files.exists(pruned) || Files.readString(pruned).isBlank()).as("no store engine left out").isTrue();
        assertThat(unit.log()).as("Spring Boot says it runs the AOT-processed application").contains("AOT-processed");

        HttpResponse<String> answer = FunctionUnitTest.post(unit.port, "/", FunctionUnitTest.tokenOfAmf());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"allowedSnssai\":{\"sst\":1,\"sd\":\"010203\"}");
    }
}
