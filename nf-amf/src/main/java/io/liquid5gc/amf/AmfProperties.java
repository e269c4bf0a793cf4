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
 */
@ConfigurationProperties("liquid5gc.amf")
public record AmfProperties(@DefaultValue("001") String mcc, @DefaultValue("01") String mnc, @DefaultValue("1") int regionId,
                            @DefaultValue("1") int setId, @DefaultValue("0") int pointer, List<Integer> tacs,
                            List<Snssai> slices, List<Integer> integrityOrder, List<Integer> cipheringOrder,
                            @DefaultValue("54m") Duration t3512, @DefaultValue("2d") Duration contextTtl) {

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
