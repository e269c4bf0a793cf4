package io.liquid5gc.sbi.amf;

/**
 * A 5GS mobile identity (TS 24.501 9.11.3.4) in its text form: {@code SUCI} as
 * "suci-&lt;scheme&gt;-&lt;mcc&gt;-&lt;mnc&gt;-&lt;routing&gt;-&lt;scheme id&gt;-&lt;key id&gt;-&lt;scheme output&gt;" (TS 29.503 5.4.2.2,
 * the null scheme carrying the MSIN digits), {@code GUTI} as "&lt;mcc&gt;&lt;mnc&gt;-&lt;region hex2&gt;&lt;set hex3&gt;&lt;pointer hex2&gt;-&lt;tmsi hex8&gt;",
 * {@code S_TMSI} as "&lt;set hex3&gt;&lt;pointer hex2&gt;-&lt;tmsi hex8&gt;", {@code IMEI}/{@code IMEISV} as digits, {@code NONE}.
 */
public record MobileIdentity(Type type, String value) {

    /** The identity types of TS 24.501 9.11.3.4 the AMF handles. */
    public enum Type { SUCI, GUTI, S_TMSI, IMEI, IMEISV, NONE }

    public MobileIdentity {
        if (type == null) {
            throw new IllegalArgumentException("identity type required");
        }
        if (type != Type.NONE && (value == null || value.isBlank())) {
            throw new IllegalArgumentException(type + " identity needs a value");
        }
    }

    public static MobileIdentity suci(String value) {
        return new MobileIdentity(Type.SUCI, value);
    }

    public static MobileIdentity guti(String value) {
        return new MobileIdentity(Type.GUTI, value);
    }
}
