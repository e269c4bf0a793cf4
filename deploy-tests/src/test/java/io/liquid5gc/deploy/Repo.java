package io.liquid5gc.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the deployment artifacts, found from the module's working directory upwards. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("helm/liquid5gc/Chart.yaml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with helm/liquid5gc/Chart.yaml) not found above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
