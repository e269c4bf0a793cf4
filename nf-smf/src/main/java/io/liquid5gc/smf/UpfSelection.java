package io.liquid5gc.smf;

import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import java.util.function.Predicate;

/**
 * UPF selection for a new PDU session (TS 23.501 6.3.3.2: by DNN and S-NSSAI): the configured UPFs that serve both,
 * in the configured order of preference; the first whose PFCP association is up, so that a UPF whose association is
 * down is passed over (failover for new sessions; the sessions it holds stay with it and are restored when it is back).
 */
final class UpfSelection {

    /** The outcome: the UPF to use, or none serving the DNN and slice, or only UPFs whose association is down. */
    sealed interface Choice {
        record Selected(SmfProperties.Upf upf) implements Choice {
        }

        record NoneServes() implements Choice {
        }

        record NoneAssociated(List<String> candidates) implements Choice {
        }
    }

    private UpfSelection() {
    }

    /**
     * @param associated whether the association with a UPF (by node id) is up; with N4 off every UPF counts as up
     */
    static Choice select(List<SmfProperties.Upf> upfs, String dnn, Snssai slice, Predicate<String> associated) {
        List<SmfProperties.Upf> candidates = upfs.stream().filter(u -> u.serves(dnn, slice)).toList();
        if (candidates.isEmpty()) {
            return new Choice.NoneServes();
        }
        return candidates.stream().filter(u -> associated.test(u.nodeId())).findFirst().<Choice>map(Choice.Selected::new)
                .orElseGet(() -> new Choice.NoneAssociated(candidates.stream().map(SmfProperties.Upf::nodeId).toList()));
    }
}
