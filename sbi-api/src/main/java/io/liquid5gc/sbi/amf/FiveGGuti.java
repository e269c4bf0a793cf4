package io.liquid5gc.sbi.amf;

import io.liquid5gc.sbi.common.PlmnId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 5G-GUTI (TS 23.003 2.10.1; the IE of TS 24.501 9.11.3.4): the GUAMI (PLMN, AMF Region ID of 8 bits, AMF Set ID
 * of 10 bits, AMF Pointer of 6 bits) and the 5G-TMSI of 32 bits. Its text form, the one of {@link MobileIdentity}
 * and of the AMF's GUTI index in the store, is
 * "&lt;mcc&gt;&lt;mnc&gt;-&lt;region hex2&gt;&lt;set hex3&gt;&lt;pointer hex2&gt;-&lt;tmsi hex8&gt;", hex digits in lower case.
 */
public record FiveGGuti(PlmnId plmn, int amfRegionId, int amfSetId, int amfPointer, long tmsi) {

    private static final Pattern TEXT = Pattern.compile("(\\d{3})(\\d{2,3})-([0-9a-f]{2})([0-9a-f]{3})([0-9a-f]{2})-([0-9a-f]{8})");

    public FiveGGuti {
        if (plmn == null) {
            throw new IllegalArgumentException("5G-GUTI without a PLMN");
        }
        check("AMF Region ID", amfRegionId, 0xFF);
        check("AMF Set ID", amfSetId, 0x3FF);
        check("AMF Pointer", amfPointer, 0x3F);
        if (tmsi < 0 || tmsi > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("5G-TMSI out of 32 bits: " + tmsi);
        }
    }

    private static void check(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " out of range 0.." + max + ": " + value);
        }
    }

    /** The text form. */
    public String format() {
        return String.format(Locale.ROOT, "%s%s-%02x%03x%02x-%08x", plmn.mcc(), plmn.mnc(), amfRegionId, amfSetId, amfPointer, tmsi);
    }

    /**
     * The 5G-GUTI of a text form as {@link #format()} writes it; anything else (upper-case hex, other lengths or
     * separators, an AMF Set ID or Pointer beyond its bits) is an {@link IllegalArgumentException} naming the text.
     */
    public static FiveGGuti parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("not a 5G-GUTI: null");
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a 5G-GUTI (<mcc><mnc>-<region hex2><set hex3><pointer hex2>-<tmsi hex8>): " + text);
        }
        try {
            return new FiveGGuti(new PlmnId(m.group(1), m.group(2)), Integer.parseInt(m.group(3), 16), Integer.parseInt(m.group(4), 16),
                    Integer.parseInt(m.group(5), 16), Long.parseLong(m.group(6), 16));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a 5G-GUTI: " + text + ": " + e.getMessage(), e);
        }
    }

    /** The text form, as {@link #format()}. */
    @Override
    public String toString() {
        return format();
    }
}
