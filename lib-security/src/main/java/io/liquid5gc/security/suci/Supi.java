package io.liquid5gc.security.suci;

/**
 * A SUPI (TS 23.003 2.2A, TS 29.571 Supi): {@code imsi-<digits>} or {@code nai-<nai>}.
 * {@link #value()} is the form used as KDF input for KAMF (TS 33.501 A.7): the IMSI digits, or the NAI.
 */
public record Supi(Type type, String value) {

    public enum Type {
        IMSI("imsi-"),
        NAI("nai-");

        private final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public Supi {
        if (type == Type.IMSI && !value.matches("\\d{5,15}")) {
            throw new IllegalArgumentException("IMSI is 5..15 digits: " + value);
        }
    }

    public static Supi imsi(String digits) {
        return new Supi(Type.IMSI, digits);
    }

    public static Supi imsi(String mcc, String mnc, String msin) {
        return new Supi(Type.IMSI, mcc + mnc + msin);
    }

    /** Parses {@code imsi-208930000000001} or {@code nai-user@realm}. */
    public static Supi parse(String supi) {
        for (Type t : Type.values()) {
            if (supi.startsWith(t.prefix)) {
                return new Supi(t, supi.substring(t.prefix.length()));
            }
        }
        throw new IllegalArgumentException("SUPI starts with imsi- or nai-: " + supi);
    }

    @Override
    public String toString() {
        return type.prefix + value;
    }
}
