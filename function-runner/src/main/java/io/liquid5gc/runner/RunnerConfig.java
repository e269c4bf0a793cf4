package io.liquid5gc.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runner's configuration from a properties file: {@code liquid5gc.runner.*} settings and groups of functions
 * that start the same way (one group per NF, typically):
 * <pre>
 * liquid5gc.runner.idle=30s
 * liquid5gc.runner.group.ausf.functions=ausf-authenticate
 * liquid5gc.runner.group.ausf.directory=/opt/units/nf-ausf
 * liquid5gc.runner.group.ausf.command=java -XX:TieredStopAtLevel=1 -jar app.jar --server.port={port} --liquid5gc.serve.function={unit}
 * liquid5gc.runner.group.ausf.env.LIQUID5GC_SECURITY_CLIENTSECRET=...
 * </pre>
 * Every function of a group is a unit of its own; the command is split at white space. Durations are {@code 500ms},
 * {@code 30s}, {@code 3m}, {@code 1h} or ISO-8601 ({@code PT30S}). An unknown key is an error (a typo would
 * otherwise be ignored).
 */
public record RunnerConfig(RunnerSettings settings, List<UnitCommand> units) {

    private static final String PREFIX = "liquid5gc.runner.";
    private static final Pattern GROUP_KEY = Pattern.compile("group\\.([A-Za-z0-9_-]+)\\.(functions|command|directory|env\\.([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    public RunnerConfig {
        units = List.copyOf(units);
    }

    public static RunnerConfig parse(Properties properties) {
        RunnerSettings d = RunnerSettings.defaults();
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        InetAddress address = d.address();
        int port = d.port();
        Duration idle = d.idle();
        int maxQueue = d.maxQueue();
        Duration startTimeout = d.startTimeout();
        Duration stopGrace = d.stopGrace();
        Duration forwardTimeout = d.forwardTimeout();
        Duration probeInterval = d.probeInterval();
        String readinessPath = d.readinessPath();
        Path logDirectory = d.logDirectory();
        int maxBody = d.maxBody();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String value = properties.getProperty(key).trim();
            String name = key.substring(PREFIX.length());
            switch (name) {
                case "address" -> address = address(key, value);
                case "port" -> port = integer(key, value);
                case "idle" -> idle = duration(key, value);
                case "max-queue" -> maxQueue = integer(key, value);
                case "start-timeout" -> startTimeout = duration(key, value);
                case "stop-grace" -> stopGrace = duration(key, value);
                case "forward-timeout" -> forwardTimeout = duration(key, value);
                case "probe-interval" -> probeInterval = duration(key, value);
                case "readiness-path" -> readinessPath = value;
                case "log-directory" -> logDirectory = Path.of(value);
                case "max-body" -> maxBody = integer(key, value);
                default -> {
                    Matcher m = GROUP_KEY.matcher(name);
                    if (!m.matches()) {
                        throw new IllegalArgumentException(key + ": unknown setting; known: liquid5gc.runner.{address, port, idle,"
                                + " max-queue, start-timeout, stop-grace, forward-timeout, probe-interval, readiness-path,"
                                + " log-directory, max-body} and liquid5gc.runner.group.<name>.{functions, command, directory, env.<NAME>}");
                    }
                    if (m.group(3) != null) {
                        envs.computeIfAbsent(m.group(1), g -> new LinkedHashMap<>()).put(m.group(3), properties.getProperty(key));
                    } else {
                        groups.computeIfAbsent(m.group(1), g -> new LinkedHashMap<>()).put(m.group(2), value);
                    }
                }
            }
        }
        RunnerSettings settings = new RunnerSettings(address, port, idle, maxQueue, startTimeout, stopGrace, forwardTimeout,
                probeInterval, readinessPath, logDirectory, maxBody);
        envs.keySet().forEach(g -> groups.computeIfAbsent(g, x -> new LinkedHashMap<>()));
        List<UnitCommand> units = new ArrayList<>();
        groups.forEach((group, g) -> {
            String where = PREFIX + "group." + group;
            String functions = g.get("functions");
            String command = g.get("command");
            if (functions == null || functions.isBlank()) {
                throw new IllegalArgumentException(where + ".functions: missing (the functions this command serves, comma-separated)");
            }
            if (command == null || command.isBlank()) {
                throw new IllegalArgumentException(where + ".command: missing (the command line, with {port})");
            }
            Path directory = g.containsKey("directory") ? Path.of(g.get("directory")) : null;
            List<String> line = Arrays.asList(command.split("\\s+"));
            for (String f : functions.split(",")) {
                try {
                    units.add(new UnitCommand(f.trim(), line, directory, envs.getOrDefault(group, Map.of())));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
        });
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no function configured: give liquid5gc.runner.group.<name>.functions and .command");
        }
        return new RunnerConfig(settings, units);
    }

    static Duration duration(String key, String value) {
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + "=" + value + ": not a duration (500ms, 30s, 3m, 1h or PT30S)");
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + ": not an integer");
        }
    }

    private static InetAddress address(String key, String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(key + "=" + value + ": not an address");
        }
    }
}
