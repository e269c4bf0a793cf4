package io.liquid5gc.sctp.udp;

/** Monotonic time source for all protocol timers; injected so tests can drive time by hand. */
@FunctionalInterface
public interface NanoClock {
    long nanoTime();

    NanoClock SYSTEM = System::nanoTime;
}
