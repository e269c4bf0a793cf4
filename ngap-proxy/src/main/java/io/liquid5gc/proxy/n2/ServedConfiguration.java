package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.PlmnSupportItem;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.ServedGuamiItem;
import io.liquid5gc.ngap.ie.TimeToWait;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The proxy configuration turned into NGAP values once, at start. */
record ServedConfiguration(String amfName, List<ServedGuamiItem> servedGuamis, List<PlmnSupportItem> plmnSupport,
                           Set<Integer> tacs, int relativeAmfCapacity, TimeToWait timeToWait) {

    static ServedConfiguration of(ProxyProperties p) {
        List<ServedGuamiItem> guamis = p.servedGuamis().stream()
                .map(g -> new ServedGuamiItem(new Guami(PlmnIdentity.of(g.mcc(), g.mnc()), g.regionId(), g.setId(), g.pointer()), null))
                .toList();
        List<PlmnSupportItem> plmns = p.plmnSupport().stream()
                .map(s -> new PlmnSupportItem(PlmnIdentity.of(s.mcc(), s.mnc()), s.slices().stream().map(ServedConfiguration::sNssai).toList()))
                .toList();
        TimeToWait ttw = switch (p.timeToWaitSeconds()) {
            case 1 -> TimeToWait.V1S;
            case 2 -> TimeToWait.V2S;
            case 10 -> TimeToWait.V10S;
            case 20 -> TimeToWait.V20S;
            case 60 -> TimeToWait.V60S;
            default -> TimeToWait.V5S;
        };
        return new ServedConfiguration(p.amfName(), guamis, plmns, Set.copyOf(p.tacs()), p.relativeAmfCapacity(), ttw);
    }

    static SNssai sNssai(Snssai s) {
        return new SNssai(s.sst(), s.sd() == null ? SNssai.NO_SD : Integer.parseInt(s.sd(), 16));
    }

    /** The served slices of a PLMN, or null when the PLMN is not served. */
    List<SNssai> slicesOf(PlmnIdentity plmn) {
        for (PlmnSupportItem item : plmnSupport) {
            if (item.plmn().equals(plmn)) {
                return item.sliceSupport();
            }
        }
        return null;
    }

    String describe() {
        return plmnSupport.stream().map(i -> i.plmn().mcc() + "-" + i.plmn().mnc() + " " + i.sliceSupport())
                .collect(Collectors.joining(", ")) + " TACs " + tacs;
    }
}
