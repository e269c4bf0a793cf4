package io.liquid5gc.allinone;

import io.liquid5gc.runner.UnitCommand;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The function units of the cold-start storm: each NF module's exec jar extracted as the image does
 * ({@code java -Djarmode=tools -jar app.jar extract}), and for every function of the NFs placed behind the runner a
 * command that runs that module serving only that function ({@code liquid5gc.serve.function}), with the module's own
 * SBI identity (instance id on the command line, client secret in the environment) and every other NF reached through
 * the runner ({@code faas}); the NRF, which issues the tokens, stays in the always-on core.
 */
final class StormUnits {

    /** One NF module: the NFs it holds, and its identity towards the NRF (the NF types it may ask tokens as). */
    record Module(String name, List<NfType> nfs, String instanceId, String secret) {
    }

    /** The modules whose functions are units: the registration and PDU session chains, and the R17 NFs when asked. */
    static List<Module> modules(boolean r17) {
        List<Module> all = new ArrayList<>();
        int i = 1;
        for (var e : List.of(Map.entry("nf-amf", List.of(NfType.AMF)), Map.entry("nf-ausf", List.of(NfType.AUSF)),
                Map.entry("nf-udm", List.of(NfType.UDM)), Map.entry("nf-udr", List.of(NfType.UDR)),
                Map.entry("nf-nssf", List.of(NfType.NSSF)), Map.entry("nf-pcf", List.of(NfType.PCF)),
                Map.entry("nf-smf", List.of(NfType.SMF)),
                Map.entry("nf-r17", List.of(NfType.CHF, NfType.BSF, NfType.NWDAF, NfType.NSACF)))) {
            if (e.getKey().equals("nf-r17") && !r17) {
                continue;
            }
            all.add(new Module(e.getKey(), e.getValue(), String.format("00000000-0000-4000-8000-%012d", 200 + i++),
                    UUID.randomUUID().toString()));
        }
        return List.copyOf(all);
    }

    /** The NFs placed behind the runner. */
    static List<NfType> faasNfs(List<Module> modules) {
        return modules.stream().flatMap(m -> m.nfs().stream()).toList();
    }

    /**
     * Extracts {@code <module>/target/<module>-*-exec.jar} into {@code into/<module>} (app.jar beside lib/), as the
     * image's extract stage does; returns that directory.
     */
    static Path extract(Path repo, Module module, Path into, String java) throws Exception {
        Path execJar;
        try (Stream<Path> jars = Files.list(repo.resolve(module.name()).resolve("target"))) {
            execJar = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(module.name() + "'s exec jar is not built: run with -am"
                            + " (./mvnw -pl all-in-one -am verify ...) so the NF modules are packaged first"));
        }
        Path dir = into.resolve(module.name());
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.copy(execJar, dir.resolve("app.jar"));
        run(List.of(java, "-Djarmode=tools", "-jar", dir.resolve("app.jar").toString(), "extract", "--destination",
                dir.resolve("app").toString()));
        return dir.resolve("app");
    }

    /**
     * The image's training run (deploy/docker/Dockerfile): the module starts with in-process stores, calls each of its
     * functions {@code requests} times over its own port (function-runtime {@code training.TrainingRun}) and exits; the
     * JDK writes {@code app.aot}, which every unit of the module then starts from.
     */
    static void trainAotCache(Path appDir, String java, List<String> jvmOptions, int requests) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-XX:AOTCacheOutput=app.aot", "-Dliquid5gc.training.requests=" + requests, "-Dserver.port=0",
                "-Dliquid5gc.provisioning.default-subscribers=none", "-Dliquid5gc.store.memory.journal=none",
                "-Dio.netty.allocator.type=unpooled", "-Dliquid5gc.registration.enabled=false", "-jar", "app.jar"));
        Process p = new ProcessBuilder(cmd).directory(appDir.toFile()).redirectErrorStream(true)
                .redirectOutput(appDir.resolve("aot-training.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(appDir.resolve("app.aot"))) {
            p.destroyForcibly();
            throw new IllegalStateException("AOT training in " + appDir + " failed; see " + appDir.resolve("aot-training.log"));
        }
        deleteTree(appDir.resolve("data")); // the training's lab files (in-process journal, generated KEK)
    }

    /**
     * Everything a unit needs to know about the machine it runs on; {@code kek} is the UDR's key-encryption key of
     * K and OPc at rest (hex), the one the core wrote the default subscribers with.
     */
    record Environment(String java, List<String> jvmOptions, String redisUrl, int corePort, String runnerUrlPattern,
                       List<NfType> faasNfs, List<NfType> switchedOff, String callTimeout, String kek) {
    }

    static final String KEK_ID = "storm-kek";

    /** One command per function of the module's NFs. */
    static List<UnitCommand> commands(Module module, Path appDir, Environment env) {
        List<UnitCommand> units = new ArrayList<>();
        for (NfType nf : module.nfs()) {
            for (FunctionSpec<?, ?> f : Functions.of(nf)) {
                List<String> cmd = new ArrayList<>();
                cmd.add(env.java());
                cmd.addAll(env.jvmOptions());
                cmd.addAll(List.of("-jar", "app.jar", "--server.port={port}", "--server.address=127.0.0.1",
                        "--liquid5gc.serve.function={unit}", "--liquid5gc.serve.placement=faas",
                        "--liquid5gc.registration.enabled=false",
                        "--liquid5gc.store.type=redis", "--liquid5gc.store.redis.url=" + env.redisUrl(),
                        "--liquid5gc.store.memory.journal=none",
                        "--liquid5gc.nf.nrf.placement=http", "--liquid5gc.nf.nrf.url=http://127.0.0.1:" + env.corePort(),
                        "--liquid5gc.security.nf-instance-id=" + module.instanceId(),
                        // a call may wait for the callee's cold start, and that one for its own callee's
                        "--liquid5gc.http.timeout=" + env.callTimeout(),
                        "--liquid5gc.faas-url-pattern=" + env.runnerUrlPattern()));
                env.faasNfs().forEach(other -> cmd.add("--liquid5gc.nf." + other.key() + ".placement=faas"));
                env.switchedOff().forEach(off -> cmd.add("--liquid5gc.nf." + off.key() + ".enabled=false"));
                // secrets from the environment, as from a Kubernetes Secret: never on a command line
                Map<String, String> secrets = new java.util.LinkedHashMap<>();
                secrets.put("LIQUID5GC_SECURITY_CLIENTSECRET", module.secret());
                if (nf == NfType.UDR) {
                    secrets.put("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_ID", KEK_ID);
                    secrets.put("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_KEY", env.kek());
                }
                units.add(new UnitCommand(f.name(), cmd, appDir, secrets));
            }
        }
        return units;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private StormUnits() {
    }
}
