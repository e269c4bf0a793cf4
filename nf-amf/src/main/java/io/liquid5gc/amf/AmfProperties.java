package io.liquid5gc.amf;

import io.liquid5gc.sbi.common.Snssai;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AMF's settings ({@code liquid5gc.amf.*}). Defaults match the project's UERANSIM setup (PLMN 001/01, TAC 1,
 * SST 1 SD 010203).
 *
 * @param mcc              serving PLMN MCC
 * @param mnc              serving PLMN MNC (2 or 3 digits)
 * @param regionId         AMF Region ID of the GUAMI (8 bits)
 * @param setId            AMF Set ID (10 bits)
 * @param pointer          AMF Pointer (6 bits)
 * @param tacs             tracking areas of the registration area given to UEs
 * @param slices           slices this AMF serves; the allowed NSSAI is the UE's requested slices among them
 * @param integrityOrder   NAS integrity algorithms by preference (1..3 = 128-NIA1..3); NIA0 is refused outside
 *                         emergency (TS 33.501 5.5.2)
 * @param cipheringOrder   NAS ciphering algorithms by preference (0..3 = NEA0..3)
 * @param t3512            the periodic registration timer given to UEs (TS 24.501 10.2)
 * @param contextTtl       how long a UE context is kept without activity
 * @param nssfQuery        when the AMF asks the NSSF for the allowed NSSAI ({@code liquid5gc.amf.nssf-query}, default
 *                         {@code when-needed}: only if there is a need for slice selection, TS 23.502 4.2.2.2.3 step 4)
 * @param nsac             which S-NSSAIs are subject to NSAC ({@code liquid5gc.amf.nsac.*}, TS 23.501 5.15.11.1;
 *                         default: every S-NSSAI, as long as the NSACF is enabled)
 */
@ConfigurationProperties("liquid5gc.amf")
public record AmfProperties(@DefaultValue("001") String mcc, @DefaultValue("01") String mnc, @DefaultValue("1") int regionId,
                            @DefaultValue("1") int setId, @DefaultValue("0") int pointer, List<Integer> tacs,
                            List<Snssai> slices, List<Integer> integrityOrder, List<Integer> cipheringOrder,
                            @DefaultValue("54m") Duration t3512, @DefaultValue("2d") Duration contextTtl,
                            @DefaultValue("when-needed") NssfQuery nssfQuery, Nsac nsac) {

    /** When the AMF asks the NSSF (Nnssf_NSSelection) for the allowed NSSAI of a registration. */
    public enum NssfQuery {
        /**
         * TS 23.502 4.2.2.2.2 / 4.2.2.2.3 step 4: the AMF determines the allowed NSSAI itself when it serves, in the UE's
         * tracking area, every requested S-NSSAI the subscription allows (or, none requested or none of them
         * subscribed, every default subscribed S-NSSAI); it asks the NSSF otherwise.
         */
        WHEN_NEEDED,
        /** Every registration asks the NSSF (e.g. when the NSSF restricts slices per tracking area). */
        ALWAYS
    }

    /** Which allowed S-NSSAIs the AMF has the NSACF admit the UE on (TS 23.501 5.15.11.1). */
    public enum NsacSubject {
        /** Every S-NSSAI is subject to NSAC (the NSACF counts UEs on all, and limits those it has a quota for). */
        ALL,
        /** Only the S-NSSAIs of {@code liquid5gc.amf.nsac.snssais}; none listed: no S-NSSAI is. */
        LISTED
    }

    /**
     * The AMF's NSAC configuration ({@code liquid5gc.amf.nsac.*}): {@code subject} {@code all} or {@code listed}, and
     * the {@code snssais} subject to NSAC. Without a subject, listing S-NSSAIs means {@code listed}, listing none
     * {@code all}.
     */
    public record Nsac(NsacSubject subject, List<Snssai> snssais) {

        public Nsac {
            snssais = snssais == null ? List.of() : List.copyOf(snssais);
            subject = subject != null ? subject : snssais.isEmpty() ? NsacSubject.ALL : NsacSubject.LISTED;
            if (subject == NsacSubject.ALL && !snssais.isEmpty()) {
                throw new IllegalArgumentException("liquid5gc.amf.nsac: subject=all with snssais " + snssais
                        + " (every S-NSSAI is subject to NSAC: remove snssais, or set subject=listed)");
            }
        }

        /** Whether the UE needs the NSACF's admission on this S-NSSAI. */
        public boolean subjectTo(Snssai snssai) {
            return subject == NsacSubject.ALL || snssais.contains(snssai);
        }
    }

    /** The declared defaults: what binding no {@code liquid5gc.amf.*} property gives. */
    public static AmfProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.amf", AmfProperties.class);
    }

    /**
     * The scalars' defaults are declared ({@code @DefaultValue}); the lists' are filled here, because an empty list
     * (a property given without a value) means the default too, and a list of slices has no text form to declare.
     */
    public AmfProperties {
        Objects.requireNonNull(mcc, "liquid5gc.amf.mcc");
        Objects.requireNonNull(mnc, "liquid5gc.amf.mnc");
        Objects.requireNonNull(t3512, "liquid5gc.amf.t3512");
        Objects.requireNonNull(contextTtl, "liquid5gc.amf.context-ttl");
        Objects.requireNonNull(nssfQuery, "liquid5gc.amf.nssf-query");
        nsac = nsac == null ? new Nsac(null, null) : nsac;
        tacs = tacs == null || tacs.isEmpty() ? List.of(1) : List.copyOf(tacs);
        slices = slices == null || slices.isEmpty() ? List.of(new Snssai(1, "010203")) : List.copyOf(slices);
        integrityOrder = integrityOrder == null || integrityOrder.isEmpty() ? List.of(2, 1, 3) : List.copyOf(integrityOrder);
        cipheringOrder = cipheringOrder == null || cipheringOrder.isEmpty() ? List.of(2, 1, 3, 0) : List.copyOf(cipheringOrder);
        if (integrityOrder.contains(0)) {
            throw new IllegalArgumentException("liquid5gc.amf.integrity-order must not contain 0: NIA0 is for emergency sessions only (TS 33.501 5.5.2)");
        }
        for (int a : integrityOrder) {
            if (a < 1 || a > 3) {
                throw new IllegalArgumentException("liquid5gc.amf.integrity-order: algorithms are 1..3 (128-NIA1..3): " + a);
            }
        }
        for (int a : cipheringOrder) {
            if (a < 0 || a > 3) {
                throw new IllegalArgumentException("liquid5gc.amf.ciphering-order: algorithms are 0..3 (NEA0..3): " + a);
            }
        }
        if (regionId < 0 || regionId > 255 || setId < 0 || setId > 1023 || pointer < 0 || pointer > 63) {
            throw new IllegalArgumentException("liquid5gc.amf: region 0..255, set 0..1023, pointer 0..63");
        }
    }

    /** The serving network name of TS 24.501 9.12.1 / TS 33.501 6.1.1.4 ("5G:mnc001.mcc001.3gppnetwork.org"). */
    public String servingNetworkName() {
        return "5G:mnc" + (mnc.length() == 2 ? "0" + mnc : mnc) + ".mcc" + mcc + ".3gppnetwork.org";
    }
}
