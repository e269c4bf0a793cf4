package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.sctp.Association;
import java.util.List;

/**
 * One RAN node (gNB) as seen over its SCTP association: set up once NG Setup succeeded (TS 38.413 8.7.1),
 * with what it announced. Touched only from the endpoint's I/O thread.
 */
final class RanNode {

    private final Association association;
    private GlobalRanNodeId globalRanNodeId;
    private String name;
    private List<SupportedTaItem> supportedTas = List.of();
    private boolean setUp;

    RanNode(Association association) {
        this.association = association;
    }

    Association association() {
        return association;
    }

    boolean isSetUp() {
        return setUp;
    }

    void setUp(GlobalRanNodeId id, String name, List<SupportedTaItem> supportedTas) {
        this.globalRanNodeId = id;
        this.name = name;
        this.supportedTas = List.copyOf(supportedTas);
        this.setUp = true;
    }

    void update(String newName, List<SupportedTaItem> newTas) {
        if (newName != null) {
            this.name = newName;
        }
        if (newTas != null) {
            this.supportedTas = List.copyOf(newTas);
        }
    }

    /** After an SCTP restart the peer must set up again. */
    void reset() {
        setUp = false;
    }

    GlobalRanNodeId globalRanNodeId() {
        return globalRanNodeId;
    }

    String name() {
        return name;
    }

    List<SupportedTaItem> supportedTas() {
        return supportedTas;
    }

    @Override
    public String toString() {
        return "RAN node " + (name != null ? name : "?") + " " + (globalRanNodeId != null ? globalRanNodeId : "")
                + " (association " + association.id() + " from " + association.remoteAddress() + ")";
    }
}
