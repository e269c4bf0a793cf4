package io.liquid5gc.udr.provisioning;

import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.AccessAndMobilitySubscriptionData;
import io.liquid5gc.sbi.udm.Ambr;
import io.liquid5gc.sbi.udm.DnnConfiguration;
import io.liquid5gc.sbi.udm.Nssai;
import io.liquid5gc.sbi.udm.SessionManagementSubscriptionData;
import io.liquid5gc.sbi.udm.SmfSelectionSubscriptionData;
import io.liquid5gc.sbi.udm.SnssaiKeys;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.milenage.Milenage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns a {@link SubscriberProfile} into TS 29.505 subscription data and back (without the secrets). */
final class SubscriberProfiles {

    static final int MAX_COUNT = 1_000_000;
    private static final Pattern IMSI = Pattern.compile("\\d{5,15}");
    private static final Pattern DNN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    static final Ambr DEFAULT_UE_AMBR = new Ambr("1 Gbps", "2 Gbps");
    static final Ambr DEFAULT_SESSION_AMBR = new Ambr("1 Gbps", "1 Gbps");
    static final String REDACTED = "***";

    private SubscriberProfiles() {
    }

    /** A validated profile: normalised hex, OPc computed from OP, defaults filled in. */
    record Checked(String firstImsi, int count, String k, String opc, String amf, String sqn, List<SubscriberProfile.SliceProfile> slices,
                   String msisdn, Ambr ueAmbr, Ambr sessionAmbr) {
        @Override
        public String toString() {
            return "Checked[" + firstImsi + " x" + count + "]";
        }

        /** The i-th IMSI of the range, keeping the length (leading zeros) of the first. */
        String imsi(int i) {
            String next = new BigInteger(firstImsi).add(BigInteger.valueOf(i)).toString();
            if (next.length() > firstImsi.length()) {
                throw bad("imsi", "the range of " + count + " from " + firstImsi + " overflows " + firstImsi.length() + " digits");
            }
            return "0".repeat(firstImsi.length() - next.length()) + next;
        }
    }

    static Checked check(SubscriberProfile p) {
        if (p == null) {
            throw bad("body", "a subscriber is required");
        }
        String imsi = p.imsi() == null ? null : p.imsi().startsWith("imsi-") ? p.imsi().substring(5) : p.imsi();
        if (imsi == null || !IMSI.matcher(imsi).matches()) {
            throw bad("imsi", "5 to 15 digits (quote it in YAML to keep leading zeros)");
        }
        int count = p.count() == null ? 1 : p.count();
        if (count < 1 || count > MAX_COUNT) {
            throw bad("count", "1.." + MAX_COUNT);
        }
        String k = hex(p.k(), 32, "k");
        if ((p.op() == null) == (p.opc() == null)) {
            throw bad("op/opc", "give exactly one of op and opc (32 hex digits)");
        }
        String opc = p.opc() != null ? hex(p.opc(), 32, "opc")
                : Hex.encode(Milenage.computeOpc(Hex.decode(k), Hex.decode(hex(p.op(), 32, "op")))); // TS 35.206 4.1
        String amf = p.amf() == null ? "8000" : hex(p.amf(), 4, "amf");
        String sqn = p.sqn() == null ? "000000000000" : hex(p.sqn(), 12, "sqn");
        List<SubscriberProfile.SliceProfile> slices = p.slices() == null || p.slices().isEmpty()
                ? List.of(new SubscriberProfile.SliceProfile(1, null, List.of("internet"), true)) : p.slices();
        checkSlices(slices);
        if (p.msisdn() != null && !p.msisdn().matches("\\d{5,15}")) {
            throw bad("msisdn", "5 to 15 digits");
        }
        return new Checked(imsi, count, k, opc, amf, sqn, List.copyOf(slices), p.msisdn(),
                p.ueAmbr() == null ? DEFAULT_UE_AMBR : p.ueAmbr(), p.sessionAmbr() == null ? DEFAULT_SESSION_AMBR : p.sessionAmbr());
    }

    /** Each slice a valid S-NSSAI with at least one DNN (TS 23.003 9.1), no S-NSSAI twice. */
    static void checkSlices(List<SubscriberProfile.SliceProfile> slices) {
        java.util.Set<Snssai> seen = new java.util.HashSet<>();
        for (SubscriberProfile.SliceProfile s : slices) {
            if (!seen.add(snssai(s))) {
                throw bad("slices", "S-NSSAI " + snssai(s) + " given twice");
            }
            if (s.dnns() == null || s.dnns().isEmpty()) {
                throw bad("slices.dnns", "each slice needs at least one DNN");
            }
            for (String dnn : s.dnns()) {
                if (dnn == null || dnn.length() > 100 || !DNN.matcher(dnn).matches()) {
                    throw bad("slices.dnns", "not a DNN (TS 23.003 9.1): " + dnn);
                }
            }
        }
    }

    static Snssai snssai(SubscriberProfile.SliceProfile s) {
        if (s == null || s.sst() == null) {
            throw bad("slices.sst", "each slice needs an SST 0..255");
        }
        try {
            return new Snssai(s.sst(), s.sd());
        } catch (IllegalArgumentException e) {
            throw bad("slices", e.getMessage());
        }
    }

    /** The subscription data of the i-th subscriber of a checked profile. */
    static SubscriptionData toSubscriptionData(Checked c, int i) {
        String supi = "imsi-" + c.imsi(i);
        AuthenticationSubscription auth = new AuthenticationSubscription(AuthenticationSubscription.METHOD_5G_AKA, c.k(), "none",
                new AuthenticationSubscription.SequenceNumber(AuthenticationSubscription.SequenceNumber.NON_TIME_BASED, c.sqn(), 5),
                c.amf(), "milenage", c.opc(), supi);
        Slices sl = slices(c.slices(), c.sessionAmbr());
        AccessAndMobilitySubscriptionData am = new AccessAndMobilitySubscriptionData(
                c.msisdn() == null ? List.of() : List.of("msisdn-" + c.msisdn()), c.ueAmbr(), sl.nssai());
        return new SubscriptionData(supi, auth, am, sl.smfSel(), sl.sm());
    }

    /** The data sets the slices make: subscribed and default S-NSSAIs (am-data), SMF selection and SM data per DNN. */
    private record Slices(Nssai nssai, SmfSelectionSubscriptionData smfSel, List<SessionManagementSubscriptionData> sm) {
    }

    private static Slices slices(List<SubscriberProfile.SliceProfile> slices, Ambr sessionAmbr) {
        List<Snssai> all = new ArrayList<>();
        List<Snssai> defaults = new ArrayList<>();
        boolean anyDefault = slices.stream().anyMatch(s -> Boolean.TRUE.equals(s.defaultSlice()));
        Map<String, SmfSelectionSubscriptionData.SnssaiInfo> smfSel = new LinkedHashMap<>();
        List<SessionManagementSubscriptionData> sm = new ArrayList<>();
        for (SubscriberProfile.SliceProfile s : slices) {
            Snssai snssai = snssai(s);
            all.add(snssai);
            if (!anyDefault || Boolean.TRUE.equals(s.defaultSlice())) {
                defaults.add(snssai);
            }
            List<SmfSelectionSubscriptionData.DnnInfo> dnnInfos = new ArrayList<>();
            Map<String, DnnConfiguration> configs = new LinkedHashMap<>();
            for (int d = 0; d < s.dnns().size(); d++) {
                String dnn = s.dnns().get(d);
                dnnInfos.add(new SmfSelectionSubscriptionData.DnnInfo(dnn, d == 0 ? Boolean.TRUE : null));
                configs.put(dnn, defaultDnnConfiguration(sessionAmbr));
            }
            smfSel.put(SnssaiKeys.of(snssai), new SmfSelectionSubscriptionData.SnssaiInfo(dnnInfos));
            sm.add(new SessionManagementSubscriptionData(snssai, configs));
        }
        return new Slices(new Nssai(defaults, all), new SmfSelectionSubscriptionData(smfSel), sm);
    }

    /**
     * The stored subscriber with other slices and DNNs (checked with {@link #checkSlices}); the authentication
     * subscription, GPSIs, UE-AMBR and the session AMBR in use are kept.
     */
    static SubscriptionData withSlices(SubscriptionData d, List<SubscriberProfile.SliceProfile> slices) {
        Ambr sessionAmbr = d.smData() == null ? null : d.smData().stream().flatMap(sm -> sm.dnnConfigurations().values().stream())
                .map(DnnConfiguration::sessionAmbr).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        Slices sl = slices(slices, sessionAmbr == null ? DEFAULT_SESSION_AMBR : sessionAmbr);
        AccessAndMobilitySubscriptionData am = d.amData() == null
                ? new AccessAndMobilitySubscriptionData(List.of(), DEFAULT_UE_AMBR, sl.nssai())
                : new AccessAndMobilitySubscriptionData(d.amData().gpsis(), d.amData().subscribedUeAmbr(), sl.nssai());
        return new SubscriptionData(d.ueId(), d.authenticationSubscription(), am, sl.smfSel(), sl.sm());
    }

    /**
     * The default DNN configuration (TS 29.503 6.1.6.2.12): IPv4 by default (IPv6, IPv4v6 allowed), SSC mode 1,
     * 5QI 9 with ARP 8 (TS 23.501 5.7.4 non-GBR default bearer), the given session AMBR.
     */
    static DnnConfiguration defaultDnnConfiguration(Ambr sessionAmbr) {
        return new DnnConfiguration(
                new DnnConfiguration.PduSessionTypes("IPV4", List.of("IPV4", "IPV6", "IPV4V6")),
                new DnnConfiguration.SscModes("SSC_MODE_1", List.of("SSC_MODE_1", "SSC_MODE_2", "SSC_MODE_3")),
                new DnnConfiguration.SubscribedDefaultQos(9, new DnnConfiguration.Arp(8, "NOT_PREEMPT", "PREEMPTABLE"), 8),
                sessionAmbr);
    }

    /** The provisioning view of stored data: everything but K and OPc, which read {@code ***}. */
    static SubscriberProfile view(SubscriptionData d) {
        AuthenticationSubscription a = d.authenticationSubscription();
        List<SubscriberProfile.SliceProfile> slices = new ArrayList<>();
        List<Snssai> defaults = d.amData() != null && d.amData().nssai() != null ? d.amData().nssai().defaultSingleNssais() : List.of();
        if (d.smData() != null) {
            for (SessionManagementSubscriptionData sm : d.smData()) {
                slices.add(new SubscriberProfile.SliceProfile(sm.singleNssai().sst(), sm.singleNssai().sd(),
                        List.copyOf(sm.dnnConfigurations().keySet()), defaults.contains(sm.singleNssai())));
            }
        }
        String msisdn = d.amData() == null ? null : d.amData().gpsis().stream().filter(g -> g.startsWith("msisdn-"))
                .map(g -> g.substring(7)).findFirst().orElse(null);
        Ambr sessionAmbr = d.smData() == null ? null : d.smData().stream().flatMap(sm -> sm.dnnConfigurations().values().stream())
                .map(DnnConfiguration::sessionAmbr).findFirst().orElse(null);
        return new SubscriberProfile(d.ueId().substring(d.ueId().indexOf('-') + 1), null,
                a == null ? null : REDACTED, null, a == null ? null : REDACTED,
                a == null ? null : a.authenticationManagementField(),
                a == null || a.sequenceNumber() == null ? null : a.sequenceNumber().sqn(),
                slices, msisdn, d.amData() == null ? null : d.amData().subscribedUeAmbr(), sessionAmbr);
    }

    private static String hex(String value, int digits, String name) {
        if (value == null) {
            throw bad(name, digits + " hex digits required");
        }
        String v = value.replace(" ", "");
        if (v.length() != digits || !v.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw bad(name, digits + " hex digits required"); // never echo the value: it may be a secret
        }
        return v.toLowerCase(Locale.ROOT);
    }

    static ProblemException bad(String param, String reason) {
        return ProblemException.badRequest("MANDATORY_IE_INCORRECT", param + ": " + reason);
    }
}
