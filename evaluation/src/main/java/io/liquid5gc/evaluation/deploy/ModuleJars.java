package io.liquid5gc.evaluation.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The executable jars of the modules, extracted as the image's extract stage does
 * ({@code java -Djarmode=tools -jar app.jar extract}: app.jar beside lib/, started from the plain class path).
 */
final class ModuleJars {

    /** {@code <module>/target/<module>-*-exec.jar}, or {@code all-in-one/target/liquid5gc.jar}. */
    static Path jar(Path repository, String module) throws IOException {
        Path target = repository.resolve(module).resolve("target");
        if (module.equals("all-in-one")) {
            Path jar = target.resolve("liquid5gc.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        } else if (Files.isDirectory(target)) {
            try (Stream<Path> jars = Files.list(target)) {
                var found = jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException(module + "'s executable jar is not built (looked in " + target + "): build it first,"
                + " ./mvnw -B -pl evaluation -am package -DskipTests (evaluation/evaluate.sh does)");
    }

    /**
     * The module's jar extracted into {@code into/<module>/app}; an extraction of the same jar (same size and time) is
     * reused. Returns the directory holding app.jar.
     */
    static Path extract(Path repository, String module, Path into, String java) throws Exception {
        Path jar = jar(repository, module);
        Path dir = into.resolve(module);
        Path stamp = dir.resolve("extracted-from");
        String identity = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(identity) && Files.isRegularFile(dir.resolve("app/app.jar"))) {
            return dir.resolve("app");
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        Files.copy(jar, dir.resolve("app.jar"));
        run(List.of(java, "-Djarmode=tools", "-jar", dir.resolve("app.jar").toString(), "extract", "--destination",
                dir.resolve("app").toString()));
        Files.delete(dir.resolve("app.jar"));
        Files.writeString(stamp, identity);
        return dir.resolve("app");
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
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

    private ModuleJars() {
    }
}
