package io.liquid5gc.evaluation.deploy;

import io.liquid5gc.sbi.NfType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The four deployments the suite measures (the item 1). The NFs an always-on process holds and the NFs that
 * are functions behind the function runner, per deployment; the NRF and the N2 proxy are the always-on core in every
 * multi-process deployment.
 */
public enum DeploymentKind {
    /** The all-in-one: every NF in one JVM, local placement, in-process stores. */
    IN_PROCESS("in-process", List.of(), List.of()),
    /** Every NF module its own always-on JVM, calls over HTTP, found through the NRF; Redis and etcd. */
    HTTP("http", NfGroups.ALL_BUT_NRF, List.of()),
    /** The AMF and the SMF always on; the AUSF, UDM, UDR, NSSF, PCF and the Release 17 NFs functions (scale to zero). */
    HYBRID("hybrid", List.of(NfType.AMF, NfType.SMF), NfGroups.without(NfType.AMF, NfType.SMF)),
    /** Every NF's functions behind the function runner (the cold-start storm's layout). */
    FUNCTIONS("functions", List.of(), NfGroups.ALL_BUT_NRF);

    private final String id;
    private final List<NfType> alwaysOn;
    private final List<NfType> functions;

    DeploymentKind(String id, List<NfType> alwaysOn, List<NfType> functions) {
        this.id = id;
        this.alwaysOn = alwaysOn;
        this.functions = functions;
    }

    /** The name on the command line and in the report. */
    public String id() {
        return id;
    }

    /** NFs in always-on processes of their own (besides the core). */
    public List<NfType> alwaysOnNfs() {
        return alwaysOn;
    }

    /** NFs whose functions are units behind the function runner. */
    public List<NfType> functionNfs() {
        return functions;
    }

    public boolean hasFunctions() {
        return !functions.isEmpty();
    }

    public static DeploymentKind of(String id) {
        for (DeploymentKind k : values()) {
            if (k.id.equals(id.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown deployment '" + id + "'; known: "
                + Arrays.stream(values()).map(DeploymentKind::id).collect(Collectors.joining(", ")));
    }

    /** The NF groups the deployments are made of. */
    static final class NfGroups {
        static final List<NfType> ALL_BUT_NRF = List.of(NfType.AMF, NfType.SMF, NfType.AUSF, NfType.UDM, NfType.UDR,
                NfType.PCF, NfType.NSSF, NfType.CHF, NfType.BSF, NfType.NWDAF, NfType.NSACF);

        static List<NfType> without(NfType... nfs) {
            List<NfType> out = new java.util.ArrayList<>(ALL_BUT_NRF);
            out.removeAll(List.of(nfs));
            return List.copyOf(out);
        }

        private NfGroups() {
        }
    }
}
