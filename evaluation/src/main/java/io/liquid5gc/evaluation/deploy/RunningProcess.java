package io.liquid5gc.evaluation.deploy;

/** A process of a deployment at one moment: always-on or a warm unit; {@code url} empty for a store or the driver. */
public record RunningProcess(String name, ProcessRole role, long pid, String url) {
}
