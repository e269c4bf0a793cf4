package io.liquid5gc.evaluation.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The facts about this machine the report states: CPUs, memory, load, CPU model, JDK. */
public record Machine(int cpus, String cpuModel, double memoryGb, String loadAverage, String jdk, String kernel) {

    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryGb(), read("/proc/loadavg"),
                System.getProperty("java.vm.name") + " " + Runtime.version(), read("/proc/sys/kernel/osrelease"));
    }

    private static String readCpuModel() {
        for (String l : read("/proc/cpuinfo").split("\n")) {
            if (l.startsWith("model name")) {
                return l.substring(l.indexOf(':') + 1).trim();
            }
        }
        return "?";
    }

    private static double readMemoryGb() {
        for (String l : read("/proc/meminfo").split("\n")) {
            if (l.startsWith("MemTotal:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    public String describe() {
        return String.format(Locale.ROOT, "%d CPUs (%s), %.1f GiB RAM, Linux %s, %s", cpus, cpuModel, memoryGb, kernel, jdk);
    }
}
