package io.liquid5gc.evaluation.faults;

/**
 * What the {@link N2Relay} does to each N2 datagram (one SCTP packet over UDP, RFC 6951), independently and in both
 * directions: drop it, send it twice, or hold it back behind the next one (reorder). Probabilities in [0, 1], their sum
 * at most 1.
 */
public record N2Impairment(double loss, double duplicate, double reorder) {

    public static final N2Impairment NONE = new N2Impairment(0, 0, 0);

    public N2Impairment {
        for (double p : new double[] {loss, duplicate, reorder}) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("an impairment probability must be in [0, 1], not " + p);
            }
        }
        if (loss + duplicate + reorder > 1) {
            throw new IllegalArgumentException("loss + duplicate + reorder must not exceed 1: " + (loss + duplicate + reorder));
        }
    }

    public boolean none() {
        return loss == 0 && duplicate == 0 && reorder == 0;
    }
}
