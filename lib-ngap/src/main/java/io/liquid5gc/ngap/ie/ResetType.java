package io.liquid5gc.ngap.ie;

import java.util.List;

/** TS 38.413 9.3.1.x Reset Type (CHOICE): the whole NG interface or a list of UE-associated connections. */
public sealed interface ResetType {
    record NgInterface() implements ResetType {
    }

    record PartOfNgInterface(List<UeAssociatedConnection> connections) implements ResetType {
        public PartOfNgInterface {
            connections = List.copyOf(connections);
        }
    }

    record Extension(RawIe ie) implements ResetType {
    }
}
