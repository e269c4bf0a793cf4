package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.2.8 Associated QoS Flow item: QFI and mapping indication (0 = ul, 1 = dl, -1 = absent). */
public record AssociatedQosFlow(int qosFlowIdentifier, int mappingIndication) {
    public static AssociatedQosFlow of(int qfi) {
        return new AssociatedQosFlow(qfi, -1);
    }
}
