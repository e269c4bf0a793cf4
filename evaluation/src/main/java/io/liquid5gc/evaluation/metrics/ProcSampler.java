package io.liquid5gc.evaluation.metrics;

import io.liquid5gc.evaluation.deploy.RunningProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Samples the CPU time and RSS of a deployment's processes from /proc at a fixed interval, on a thread of its own,
 * the process list asked anew each time (function units come and go). Linux only.
 */
public final class ProcSampler implements AutoCloseable {

    /** USER_HZ, the unit of utime and stime in /proc/PID/stat: 100 on every Linux architecture this runs on. */
    static final double CLOCK_TICKS = 100.0;

    private final Supplier<List<RunningProcess>> processes;
    private final Duration interval;
    private final List<ProcessSample> samples = Collections.synchronizedList(new ArrayList<>());
    private final long start = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    private ProcSampler(Supplier<List<RunningProcess>> processes, Duration interval) {
        this.processes = processes;
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name("proc-sampler").start(this::loop);
    }

    public static ProcSampler start(Supplier<List<RunningProcess>> processes, Duration interval) {
        return new ProcSampler(processes, interval);
    }

    private void loop() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes one sample of every process now (also called at the end, so the last figures are there). */
    public void sampleOnce() {
        long now = (System.nanoTime() - start) / 1_000_000;
        for (RunningProcess p : processes.get()) {
            read(p.pid()).ifPresent(r -> samples.add(new ProcessSample(now, p.name(), p.role(), p.pid(), r[0] / CLOCK_TICKS, r[1])));
        }
    }

    public List<ProcessSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleOnce();
    }

    /** {cpu ticks, rss bytes} of a live process, empty when it has gone. */
    static Optional<long[]> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return Optional.of(new long[] {cpuTicks(stat), rssBytes(status)});
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat, counted after the parenthesised command name). */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): field n is f[n - 3]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** VmRSS of /proc/PID/status, in bytes (0 for a zombie, which has none). */
    static long rssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] f = line.substring(6).trim().split("\\s+");
                return Long.parseLong(f[0]) * 1024;
            }
        }
        return 0;
    }
}
