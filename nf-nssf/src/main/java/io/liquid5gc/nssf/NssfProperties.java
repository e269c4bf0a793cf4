package io.liquid5gc.nssf;

import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * NSSF settings ({@code liquid5gc.nssf.*}): the S-NSSAIs supported per PLMN and per tracking area.
 *
 * <pre>
 * liquid5gc.nssf.plmns[0].mcc=001
 * liquid5gc.nssf.plmns[0].mnc=01
 * liquid5gc.nssf.plmns[0].snssais[0].sst=1
 * liquid5gc.nssf.plmns[0].snssais[0].sd=010203
 * liquid5gc.nssf.plmns[0].tracking-areas[0].tacs=000001,000002
 * liquid5gc.nssf.plmns[0].tracking-areas[0].snssais[0].sst=1
 * liquid5gc.nssf.plmns[0].tracking-areas[0].snssais[0].sd=010203
 * </pre>
 * A PLMN without tracking areas supports its S-NSSAIs in every TA; a TA not listed supports none. Default: PLMN 001/01
 * with S-NSSAI 1-010203 in every TA (the UERANSIM defaults).
 */
@ConfigurationProperties("liquid5gc.nssf")
public record NssfProperties(List<Plmn> plmns) {

    /** What no (or an empty) {@code liquid5gc.nssf.plmns} means: PLMN 001/01 with S-NSSAI 1-010203 in every TA. */
    public static final List<Plmn> DEFAULT_PLMNS = List.of(new Plmn("001", "01", List.of(new Snssai(1, "010203")), List.of()));

    /** The declared defaults: what binding no {@code liquid5gc.nssf.*} property gives. */
    public static NssfProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.nssf", NssfProperties.class);
    }

    public NssfProperties {
        plmns = plmns == null || plmns.isEmpty() ? DEFAULT_PLMNS : List.copyOf(plmns);
    }

    /** The S-NSSAIs of one PLMN, and of its tracking areas. */
    public record Plmn(String mcc, String mnc, List<Snssai> snssais, List<TrackingArea> trackingAreas) {

        public Plmn {
            new PlmnId(mcc, mnc); // validates
            snssais = snssais == null ? List.of() : List.copyOf(snssais);
            trackingAreas = trackingAreas == null ? List.of() : List.copyOf(trackingAreas);
            for (TrackingArea ta : trackingAreas) {
                for (Snssai s : ta.snssais()) {
                    if (!snssais.contains(s)) {
                        throw new IllegalArgumentException("liquid5gc.nssf: S-NSSAI " + s + " of tracking areas " + ta.tacs()
                                + " is not among the PLMN " + mcc + "-" + mnc + "'s snssais " + snssais);
                    }
                }
            }
        }

        PlmnId plmnId() {
            return new PlmnId(mcc, mnc);
        }

        /** The S-NSSAIs supported in a TA of this PLMN. */
        List<Snssai> supportedIn(String tac) {
            if (trackingAreas.isEmpty()) {
                return snssais;
            }
            String t = tac == null ? "" : tac.toUpperCase(Locale.ROOT);
            return trackingAreas.stream().filter(ta -> ta.tacs().contains(t)).flatMap(ta -> ta.snssais().stream()).distinct().toList();
        }
    }

    /** Tracking area codes (TS 29.571 Tac: 4 or 6 hex digits) sharing one list of supported S-NSSAIs. */
    public record TrackingArea(List<String> tacs, List<Snssai> snssais) {

        public TrackingArea {
            tacs = tacs == null ? List.of() : tacs.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
            snssais = snssais == null ? List.of() : List.copyOf(snssais);
            for (String t : tacs) {
                if (!t.matches("[0-9A-F]{4}|[0-9A-F]{6}")) {
                    throw new IllegalArgumentException("liquid5gc.nssf: tac must be 4 or 6 hex digits: " + t);
                }
            }
        }
    }
}
