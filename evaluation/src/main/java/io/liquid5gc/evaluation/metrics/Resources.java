package io.liquid5gc.evaluation.metrics;

import io.liquid5gc.evaluation.deploy.ProcessRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU busy seconds per minute and RSS per process and in total over a window of the process samples (Table VIII).
 * A process's CPU in the window is its last sample's CPU time minus the one at the window's start (or zero, for a
 * process that started inside the window: a unit's cold start is part of the run); the total excludes the driver.
 */
public final class Resources {

    /** One process name (a unit's restarts together) over the window. */
    public record Usage(String name, ProcessRole role, double cpuSecondsPerMinute, double rssMeanBytes, double rssMaxBytes) {
    }

    /** The window's figures: per process, and the total of the deployment (driver excluded). */
    public record Window(List<Usage> processes, double totalCpuSecondsPerMinute, double totalRssMeanBytes, double totalRssMaxBytes,
                         double minutes) {
    }

    public static Window of(List<ProcessSample> samples, long fromMillis, long toMillis) {
        double minutes = Math.max(1, toMillis - fromMillis) / 60_000.0;
        Map<Long, ProcessSample> lastByPid = new LinkedHashMap<>();
        Map<Long, ProcessSample> beforeByPid = new LinkedHashMap<>();
        Map<Long, Map<Long, Long>> rssByTimeAndPid = new TreeMap<>();
        for (ProcessSample s : samples) {
            if (s.millis() <= fromMillis) {
                beforeByPid.put(s.pid(), s); // the latest at or before the start
            }
            if (s.millis() < fromMillis || s.millis() > toMillis) {
                continue;
            }
            lastByPid.put(s.pid(), s);
            rssByTimeAndPid.computeIfAbsent(s.millis(), k -> new LinkedHashMap<>()).put(s.pid(), s.rssBytes());
        }
        Map<String, double[]> byName = new TreeMap<>(); // cpu, rss sum, rss count, rss max
        Map<String, ProcessRole> roles = new LinkedHashMap<>();
        for (var e : lastByPid.entrySet()) {
            ProcessSample last = e.getValue();
            ProcessSample start = beforeByPid.get(e.getKey());
            double cpu = last.cpuSeconds() - (start != null ? start.cpuSeconds() : 0);
            byName.computeIfAbsent(last.name(), k -> new double[4])[0] += Math.max(0, cpu);
            roles.put(last.name(), last.role());
        }
        Map<Long, String> nameOf = new LinkedHashMap<>();
        for (ProcessSample s : samples) {
            nameOf.put(s.pid(), s.name());
        }
        // RSS per name at each sampling time (a name is absent while its unit is at zero: 0 at that time)
        int times = rssByTimeAndPid.size();
        double totalSum = 0;
        double totalMax = 0;
        for (Map<Long, Long> at : rssByTimeAndPid.values()) {
            Map<String, Long> perName = new LinkedHashMap<>();
            long total = 0;
            for (var e : at.entrySet()) {
                String name = nameOf.get(e.getKey());
                perName.merge(name, e.getValue(), Long::sum);
                if (roles.get(name) != ProcessRole.DRIVER) {
                    total += e.getValue();
                }
            }
            perName.forEach((name, rss) -> {
                double[] v = byName.computeIfAbsent(name, k -> new double[4]);
                v[1] += rss;
                v[3] = Math.max(v[3], rss);
            });
            totalSum += total;
            totalMax = Math.max(totalMax, total);
        }
        List<Usage> usage = new ArrayList<>();
        double totalCpu = 0;
        for (var e : byName.entrySet()) {
            double[] v = e.getValue();
            ProcessRole role = roles.getOrDefault(e.getKey(), ProcessRole.UNIT);
            usage.add(new Usage(e.getKey(), role, v[0] / minutes, times > 0 ? v[1] / times : 0, v[3]));
            if (role != ProcessRole.DRIVER) {
                totalCpu += v[0];
            }
        }
        usage.sort(Comparator.comparing(Usage::role).thenComparing(Usage::name));
        return new Window(usage, totalCpu / minutes, times > 0 ? totalSum / times : 0, totalMax, minutes);
    }

    /**
     * Per role over time, for the plots: {seconds, RSS MB} at every sample and {seconds, CPU seconds per second} over
     * steps of at least half a second (an extra sample right after another would divide one clock tick by a few ms).
     */
    public static Map<ProcessRole, double[][]> series(List<ProcessSample> samples) {
        Map<ProcessRole, TreeMap<Long, double[]>> rss = new TreeMap<>();
        Map<ProcessRole, TreeMap<Long, double[]>> cpu = new TreeMap<>();
        Map<Long, ProcessSample> previous = new LinkedHashMap<>();
        for (ProcessSample s : samples) {
            rss.computeIfAbsent(s.role(), r -> new TreeMap<>()).computeIfAbsent(s.millis(), t -> new double[1])[0] += s.rssBytes() / 1e6;
            ProcessSample p = previous.get(s.pid());
            if (p == null) {
                previous.put(s.pid(), s);
            } else if (s.millis() - p.millis() >= 500) {
                cpu.computeIfAbsent(s.role(), r -> new TreeMap<>()).computeIfAbsent(s.millis(), t -> new double[1])[0] +=
                        (s.cpuSeconds() - p.cpuSeconds()) / ((s.millis() - p.millis()) / 1000.0);
                previous.put(s.pid(), s);
            }
        }
        Map<ProcessRole, double[][]> out = new TreeMap<>();
        rss.forEach((role, points) -> {
            double[][] r = xy(points);
            double[][] c = xy(cpu.getOrDefault(role, new TreeMap<>()));
            out.put(role, new double[][] {r[0], r[1], c[0], c[1]});
        });
        return out;
    }

    private static double[][] xy(TreeMap<Long, double[]> points) {
        double[][] xy = new double[2][points.size()];
        int i = 0;
        for (var e : points.entrySet()) {
            xy[0][i] = e.getKey() / 1000.0;
            xy[1][i] = e.getValue()[0];
            i++;
        }
        return xy;
    }

    private Resources() {
    }
}
