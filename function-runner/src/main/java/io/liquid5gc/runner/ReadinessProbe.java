package io.liquid5gc.runner;

/** Whether a started unit can take requests ({@link HttpReadinessProbe}: its readiness endpoint answers UP). */
@FunctionalInterface
public interface ReadinessProbe {

    boolean isReady(int port);
}
