package io.liquid5gc.ngap.ie;

import java.util.List;

/**
 * TS 38.413 9.3.2.8 Associated QoS Flow item: QFI and mapping indication (0 = ul, 1 = dl, -1 = absent);
 * {@code extensions} are its iE-Extensions kept raw (e.g. id-CurrentQoSParaSetIndex), empty when none.
 */
public record AssociatedQosFlow(int qosFlowIdentifier, int mappingIndication, List<RawExtension> extensions) {
    public AssociatedQosFlow {
        extensions = RawExtension.immutable(extensions);
    }

    public AssociatedQosFlow(int qosFlowIdentifier, int mappingIndication) {
        this(qosFlowIdentifier, mappingIndication, List.of());
    }

    public static AssociatedQosFlow of(int qfi) {
        return new AssociatedQosFlow(qfi, -1);
    }
}
