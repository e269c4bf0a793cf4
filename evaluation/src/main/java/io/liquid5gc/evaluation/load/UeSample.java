package io.liquid5gc.evaluation.load;

import java.util.List;

/**
 * One UE cycle as the simulated UE saw it.
 *
 * @param startMillis     when the registration started, from the start of the run
 * @param registered      the registration was accepted
 * @param registrationMs  Registration Request to Registration Accept (0 when not registered)
 * @param sessionsWanted  PDU sessions the scenario asks for
 * @param sessionMs       each established PDU session's latency (request to accept with the N2 resources)
 * @param deregistered    the de-registration was accepted
 * @param failure         why the cycle failed (null when every step succeeded)
 */
public record UeSample(long startMillis, boolean registered, double registrationMs, int sessionsWanted, List<Double> sessionMs,
                       boolean deregistered, String failure) {

    public UeSample {
        sessionMs = List.copyOf(sessionMs);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public int sessionFailures() {
        return registered ? sessionsWanted - sessionMs.size() : 0;
    }
}
