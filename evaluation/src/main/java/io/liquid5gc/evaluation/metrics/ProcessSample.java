package io.liquid5gc.evaluation.metrics;

import io.liquid5gc.evaluation.deploy.ProcessRole;

/**
 * One process at one moment, from /proc: CPU time used since it started (user + system) and resident set size.
 *
 * @param millis     from the start of the sampling
 * @param cpuSeconds utime + stime of /proc/PID/stat, in seconds
 * @param rssBytes   VmRSS of /proc/PID/status
 */
public record ProcessSample(long millis, String name, ProcessRole role, long pid, double cpuSeconds, long rssBytes) {
}
