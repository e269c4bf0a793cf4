package io.liquid5gc.evaluation.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The traffic scenarios of the Serverless5GC paper's Table III: a population of UEs, the rate registrations start
 * at, the PDU sessions each registered UE opens, and the duration (10 minutes, the burst 5). Over the duration
 * registrations start at the rate, each by a UE of the population that is not busy; each UE registers, opens its PDU
 * sessions and de-registers (a cycle), so {@code rate x duration} registrations in all.
 */
public enum Scenario {
    IDLE("idle", 0, 0, 0, Duration.ofMinutes(10)),
    LOW("low", 100, 1, 1, Duration.ofMinutes(10)),
    MEDIUM("medium", 500, 5, 2, Duration.ofMinutes(10)),
    HIGH("high", 1000, 20, 3, Duration.ofMinutes(10)),
    BURST("burst", 500, 50, 2, Duration.ofMinutes(5));

    private final String id;
    private final int ues;
    private final double rate;
    private final int sessions;
    private final Duration paperDuration;

    Scenario(String id, int ues, double rate, int sessions, Duration paperDuration) {
        this.id = id;
        this.ues = ues;
        this.rate = rate;
        this.sessions = sessions;
        this.paperDuration = paperDuration;
    }

    public String id() {
        return id;
    }

    /** The UE population (IMSIs 001010000000001 onwards, the default subscribers: at most 1,000). */
    public int ues() {
        return ues;
    }

    /** Registrations started per second. */
    public double rate() {
        return rate;
    }

    /** PDU sessions per registered UE. */
    public int sessions() {
        return sessions;
    }

    public Duration paperDuration() {
        return paperDuration;
    }

    /** The paper's duration times {@code scale} (at least one second). */
    public Duration duration(double scale) {
        return Duration.ofMillis(Math.max(1000, Math.round(paperDuration.toMillis() * scale)));
    }

    public static Scenario of(String id) {
        for (Scenario s : values()) {
            if (s.id.equals(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; known: "
                + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")));
    }
}
