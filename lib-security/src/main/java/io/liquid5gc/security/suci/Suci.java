package io.liquid5gc.security.suci;

import io.liquid5gc.security.Hex;
import java.util.Arrays;

/**
 * A SUCI (TS 23.003 2.2B, TS 24.501 9.11.3.4) for an IMSI-based SUPI: home network identifier (MCC, MNC),
 * routing indicator, protection scheme id, home network public key id and scheme output.
 *
 * <p>Text form (TS 29.503 SuciInfo / TS 23.003 2.2B): {@code suci-0-208-93-0-1-1-<scheme output hex>}; with the
 * null scheme the scheme output is written as the MSIN digits ({@code suci-0-208-93-0-0-0-001002086}).
 */
public record Suci(int supiType, String mcc, String mnc, String routingIndicator, int schemeId, int hnKeyId,
                   byte[] schemeOutput) {

    public Suci {
        if (!mcc.matches("\\d{3}") || !mnc.matches("\\d{2,3}")) {
            throw new IllegalArgumentException("MCC 3 digits, MNC 2-3 digits: " + mcc + "-" + mnc);
        }
        if (!routingIndicator.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("routing indicator is 1-4 digits: " + routingIndicator);
        }
        if (schemeId < 0 || schemeId > 15 || hnKeyId < 0 || hnKeyId > 255 || supiType < 0 || supiType > 7) {
            throw new IllegalArgumentException("scheme 0..15, key id 0..255, SUPI type 0..7");
        }
    }

    public SuciScheme scheme() {
        return SuciScheme.fromCode(schemeId);
    }

    /** Parses the text form; errors are {@link SuciError.Malformed}. */
    public static Suci parse(String text) throws SuciException {
        String[] p = text.split("-", -1);
        if (p.length != 8 || !p[0].equals("suci")) {
            throw malformed("expected suci-<type>-<mcc>-<mnc>-<ri>-<scheme>-<key id>-<output>");
        }
        try {
            int type = Integer.parseInt(p[1]);
            int scheme = Integer.parseInt(p[5]);
            int keyId = Integer.parseInt(p[6]);
            byte[] output;
            if (scheme == SuciScheme.NULL.code() && type == 0) {
                if (!p[7].matches("\\d{1,10}")) {
                    throw malformed("null-scheme output is the MSIN digits");
                }
                output = Bcd.encode(p[7]);
            } else {
                output = Hex.decode(p[7]);
            }
            return new Suci(type, p[2], p[3], p[4], scheme, keyId, output);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static SuciException malformed(String detail) {
        return new SuciException(new SuciError.Malformed(detail));
    }

    /** The text form. */
    public String format() {
        String out;
        if (schemeId == SuciScheme.NULL.code() && supiType == 0) {
            String msin = Bcd.decode(schemeOutput);
            out = msin != null ? msin : Hex.encode(schemeOutput);
        } else {
            out = Hex.encode(schemeOutput);
        }
        return "suci-" + supiType + "-" + mcc + "-" + mnc + "-" + routingIndicator + "-" + schemeId + "-" + hnKeyId + "-"
            + out;
    }

    @Override
    public String toString() {
        return format();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Suci s && supiType == s.supiType && schemeId == s.schemeId && hnKeyId == s.hnKeyId
            && mcc.equals(s.mcc) && mnc.equals(s.mnc) && routingIndicator.equals(s.routingIndicator)
            && Arrays.equals(schemeOutput, s.schemeOutput);
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }
}
