package io.liquid5gc.runner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts the process of a function unit. {@link OsProcessLauncher} runs operating-system processes; the scheduling
 * ({@link FunctionUnit}) only sees this interface, so its tests launch nothing.
 */
public interface ProcessLauncher {

    /** Starts one process of {@code unit} listening on a loopback port of the launcher's choice. */
    Launched launch(UnitCommand unit) throws IOException;

    /** One started process. */
    interface Launched {

        /** The loopback port it serves on. */
        int port();

        /** The operating system's process id, if there is one. */
        long pid();

        boolean isAlive();

        /** Its exit code once it has ended. */
        Optional<Integer> exitCode();

        /** The last {@code n} lines it wrote (standard output and error), for the runner's log when it fails. */
        List<String> lastLogLines(int n);

        /** Asks it to stop, waits up to {@code grace}, then kills it; returns once it has ended. */
        void stop(Duration grace);
    }
}
