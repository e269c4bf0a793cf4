package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.TypeOfError;
import java.util.ArrayList;
import java.util.List;

/** Per-decode state: reports about IEs that were ignored, and the UE ids seen (for error indications). */
public final class DecodeContext {
    private List<IeReport> reports;
    long amfUeNgapId = -1;
    long ranUeNgapId = -1;

    void report(int id, Criticality c, TypeOfError type, String detail) {
        if (reports == null) {
            reports = new ArrayList<>(2);
        }
        reports.add(new IeReport(id, c, type, detail));
    }

    public List<IeReport> reports() {
        return reports == null ? List.of() : List.copyOf(reports);
    }

    public long amfUeNgapId() {
        return amfUeNgapId;
    }

    public long ranUeNgapId() {
        return ranUeNgapId;
    }
}
