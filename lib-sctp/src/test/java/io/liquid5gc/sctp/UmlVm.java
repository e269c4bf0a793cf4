package io.liquid5gc.sctp;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a shell script inside the User-Mode-Linux guest of ../shared/tools/ueransim-vm/run-vm.sh
 * (script mode). The guest's root is the host's / read-only, with its own tmpfs on /tmp and /run:
 * scripts and classes it reads must live elsewhere, e.g. under target/.
 */
public final class UmlVm {
    private UmlVm() {
    }

    public static Path runVm() {
        String p = System.getProperty("uml.runvm",
                System.getenv().getOrDefault("UML_RUN_VM", "../../shared/tools/ueransim-vm/run-vm.sh"));
        return Path.of(p).toAbsolutePath().normalize();
    }

    /** Skips the calling test (with the reason) where UML cannot run. */
    public static void assumeAvailable() {
        Assumptions.assumeFalse(Boolean.getBoolean("sctp.skipUml"), "UML tests disabled by -Dsctp.skipUml=true");
        Path runVm = runVm();
        Assumptions.assumeTrue(Files.isExecutable(runVm), "run-vm.sh not found at " + runVm);
        Assumptions.assumeTrue(onPath("linux.uml") && Files.isExecutable(Path.of("/usr/bin/slirp-fullbolt")),
                "User-Mode-Linux not installed (apt-get install -y user-mode-linux slirp kmod)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/sbin/modprobe")),
                "modprobe missing: the guest cannot load the sctp module (apt-get install -y kmod)");
    }

    static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    /** A fresh working directory under target/ that the guest can read. */
    public static Path workDir() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "uml-");
    }

    /** Boots the guest, runs {@code script} (in {@code work}), returns the console output. */
    public static String run(Path work, Path script, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        script.toFile().setExecutable(true);
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String b : new String[] {"nr-gnb", "nr-ue", "nr-cli"}) {
            // run-vm.sh insists on UERANSIM binaries even in script mode; these stand-ins are never run
            Path f = bin.resolve(b);
            Files.writeString(f, "#!/bin/sh\nexit 0\n");
            f.toFile().setExecutable(true);
        }
        Path log = work.resolve("vm.log");
        ProcessBuilder pb = new ProcessBuilder(runVm().toString(), "script", script.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> e = new HashMap<>(Map.of("UERANSIM_BIN", bin.toString(), "OUT_DIR",
                work.resolve("out").toString(), "SECS", Long.toString(timeout.toSeconds())));
        e.putAll(env);
        pb.environment().putAll(e);
        Process vm = pb.start();
        try {
            if (!vm.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new AssertionError("UML guest did not finish; log: " + Files.readString(log));
            }
        } finally {
            vm.destroyForcibly();
        }
        return Files.readString(log);
    }
}
