package io.liquid5gc.runtime.security;

import io.liquid5gc.sbi.security.AccessTokenErr;

/** A token request the NRF does not grant (TS 29.510 6.3.5.2.4 AccessTokenErr), with its HTTP status (400 or 401). */
public final class AccessTokenRefused extends RuntimeException {

    private final int status;
    private final AccessTokenErr error;

    public AccessTokenRefused(int status, AccessTokenErr error) {
        super(status + " " + error.error() + (error.errorDescription() == null ? "" : ": " + error.errorDescription()));
        this.status = status;
        this.error = error;
    }

    public static AccessTokenRefused of(int status, String error, String description) {
        return new AccessTokenRefused(status, AccessTokenErr.of(error, description));
    }

    public int status() {
        return status;
    }

    public AccessTokenErr error() {
        return error;
    }
}
