package io.liquid5gc.security.suci;

/** Checked exception carrying a {@link SuciError}, for callers that prefer exceptions to result values. */
public final class SuciException extends Exception {
    private final transient SuciError error;

    public SuciException(SuciError error) {
        super(error.describe(), null, false, false);
        this.error = error;
    }

    public SuciError error() {
        return error;
    }
}
