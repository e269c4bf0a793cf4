package io.liquid5gc.sctp.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.UmlVm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kernel implementation where a kernel with SCTP exists: runs {@link KernelSmokeMain} on the JDK
 * inside the User-Mode-Linux guest (whose kernel has SCTP; the host's does not). Skipped without UML.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KernelEndpointInUmlTest {

    @Test
    void whenRunOnAKernelWithSctp_thenKernelEndpointEchoesShutsDownAndAborts() throws Exception {
        UmlVm.assumeAvailable();
        Path work = UmlVm.workDir();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Path.of("target/classes").toAbsolutePath() + ":" + Path.of("target/test-classes").toAbsolutePath();
        Path script = work.resolve("kernel-smoke.sh");
        Files.writeString(script, "#!/bin/sh\n" + java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx128m -cp " + cp
                + " " + KernelSmokeMain.class.getName() + " 2>&1\n");
        String out = UmlVm.run(work, script, Map.of("MEM", "768M"), Duration.ofSeconds(60));
        System.out.println(out);
        assertThat(out).contains("kernel-smoke: supported=true").contains("kernel-smoke: PASS");
    }
}
