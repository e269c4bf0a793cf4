package io.liquid5gc.evaluation.faults;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The faults of the suite (issue 17 item 1), each injected under load into a deployment of real processes. A process
 * fault ends one always-on process (SIGKILL: a crash; SIGTERM for a store restart) and starts it again on the same
 * port, as a supervisor would; an N2 fault impairs every SCTP packet between the gNB and the proxy for a while. The
 * proxy's own kill (the gNB moving to a second proxy) is all-in-one's ProxyKillFailoverTest, not repeated here. The
 * UPF restart kills the deployment's real UPF (Open5GS in a network namespace, {@code UserPlane}: root needed, the
 * fault is skipped without) and starts it again with a new Recovery Time Stamp; the SMF re-associates and restores the
 * sessions on it (TS 29.244 6.2.6.2.2 and 19A).
 */
public enum Fault {
    AMF_KILL("amf-kill", "kill -9 AMF, restarted", Type.KILL, "nf-amf", N2Impairment.NONE),
    SMF_KILL("smf-kill", "kill -9 SMF, restarted", Type.KILL, "nf-smf", N2Impairment.NONE),
    AUSF_KILL("ausf-kill", "kill -9 AUSF, restarted", Type.KILL, "nf-ausf", N2Impairment.NONE),
    UDM_KILL("udm-kill", "kill -9 UDM, restarted", Type.KILL, "nf-udm", N2Impairment.NONE),
    REDIS_RESTART("redis-restart", "Redis restart (AOF on)", Type.RESTART, "redis", N2Impairment.NONE),
    ETCD_RESTART("etcd-restart", "etcd restart (registry)", Type.RESTART, "etcd", N2Impairment.NONE),
    UPF_RESTART("upf-restart", "kill -9 UPF (Open5GS), restarted", Type.UPF, "upf", N2Impairment.NONE),
    N2_LOSS("n2-loss", "N2: 5 % of packets lost", Type.N2, null, new N2Impairment(0.05, 0, 0)),
    N2_DUPLICATE("n2-duplicate", "N2: 5 % of packets duplicated", Type.N2, null, new N2Impairment(0, 0.05, 0)),
    N2_REORDER("n2-reorder", "N2: 5 % of packets reordered", Type.N2, null, new N2Impairment(0, 0, 0.05)),
    N2_MIXED("n2-mixed", "N2: 5 % lost, 5 % dup., 5 % reord.", Type.N2, null, new N2Impairment(0.05, 0.05, 0.05));

    /** How a fault is injected. */
    public enum Type {
        /** SIGKILL of the process, then the same command again (a supervisor restart). */
        KILL,
        /** SIGTERM of the process (a store's clean shutdown: Redis writes its AOF), then the same command again. */
        RESTART,
        /** The N2 relay impairs every datagram for the fault's duration. */
        N2,
        /** SIGKILL of the real UPF, then started again on the same addresses (a new PFCP Recovery Time Stamp). */
        UPF
    }

    /** Every fault, in the table's order; the CI's bounded set is {@link #BOUNDED}. */
    public static final List<Fault> ALL = List.of(values());
    public static final List<Fault> BOUNDED = List.of(AMF_KILL, REDIS_RESTART, N2_MIXED);

    private final String id;
    private final String label;
    private final Type type;
    private final String process;
    private final N2Impairment impairment;

    Fault(String id, String label, Type type, String process, N2Impairment impairment) {
        this.id = id;
        this.label = label;
        this.type = type;
        this.process = process;
        this.impairment = impairment;
    }

    /** The name on the command line. */
    public String id() {
        return id;
    }

    /** The row's name in the table. */
    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    /** The deployment's process the fault ends (KILL, RESTART), else null. */
    public String process() {
        return process;
    }

    public N2Impairment impairment() {
        return impairment;
    }

    public static Fault of(String id) {
        for (Fault f : values()) {
            if (f.id.equals(id.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + id + "'; known: " + Arrays.stream(values()).map(Fault::id).collect(Collectors.joining(", ")));
    }

    /** A comma-separated list of ids; {@code all} is every fault, {@code bounded} the CI's set. */
    public static List<Fault> list(String ids) {
        return switch (ids.trim()) {
            case "all" -> ALL;
            case "bounded" -> BOUNDED;
            default -> Arrays.stream(ids.split(",")).filter(s -> !s.isBlank()).map(Fault::of).toList();
        };
    }
}
