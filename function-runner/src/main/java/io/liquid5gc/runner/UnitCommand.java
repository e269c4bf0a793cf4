package io.liquid5gc.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the process of one function: its command line, in which {@code {port}} is replaced by the free
 * loopback port the runner chose for this start and {@code {unit}} by the function's name ({@code {function}} and
 * {@code {nf}} are left as they are: they are the placement URL pattern's, {@code liquid5gc.faas-url-pattern}); the working
 * directory (null: the runner's); extra environment variables (a client secret, for instance: never on the command
 * line, where {@code ps} shows it).
 *
 * @param function    the function's name, the path the runner answers it at ({@code POST /<function>})
 * @param command     program and arguments, with {@code {port}} (required) and {@code {unit}} placeholders
 * @param directory   working directory, or null
 * @param environment added to the runner's own environment
 */
public record UnitCommand(String function, List<String> command, Path directory, Map<String, String> environment) {

    public UnitCommand {
        Objects.requireNonNull(function, "function");
        if (!function.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("function name '" + function + "': lower-case letters, digits and dashes only");
        }
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty()) {
            throw new IllegalArgumentException(function + ": empty command");
        }
        if (command.stream().noneMatch(a -> a.contains("{port}"))) {
            throw new IllegalArgumentException(function + ": the command must contain {port} (the port the runner forwards to)");
        }
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** The command line for one start on {@code port}. */
    public List<String> resolve(int port) {
        return command.stream().map(a -> a.replace("{port}", Integer.toString(port)).replace("{unit}", function)).toList();
    }
}
