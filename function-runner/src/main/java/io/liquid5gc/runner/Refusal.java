package io.liquid5gc.runner;

/**
 * Why the runner answers a request itself instead of forwarding it, with the HTTP status and the TS 29.500 cause of
 * its problem+json; the 503s carry {@code Retry-After}.
 */
public enum Refusal {
    /** {@code max-queue} requests are already waiting for this unit's cold start */
    QUEUE_FULL(503, "Service Unavailable", "NF_CONGESTION", true),
    /** the unit's process did not become ready (exited, could not be launched, or the start timeout passed) */
    START_FAILED(503, "Service Unavailable", "NF_SERVICE_FAILOVER", true),
    /** the runner is closing */
    SHUTTING_DOWN(503, "Service Unavailable", "NF_SERVICE_FAILOVER", true),
    /** no unit is configured for this function */
    UNKNOWN_FUNCTION(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND", false),
    /** the request is not {@code POST /<function>} */
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "METHOD_NOT_ALLOWED", false),
    /** the body is larger than {@code max-body} */
    BODY_TOO_LARGE(413, "Content Too Large", "INVALID_MSG_FORMAT", false),
    /** the ready unit's connection failed (it died after its readiness answer, for instance) */
    UNIT_UNREACHABLE(504, "Gateway Timeout", "TARGET_NF_NOT_REACHABLE", false),
    /** the unit did not answer within {@code forward-timeout} */
    UNIT_TIMED_OUT(504, "Gateway Timeout", "TIMED_OUT_REQUEST", false);

    private final int status;
    private final String title;
    private final String cause;
    private final boolean retryAfter;

    Refusal(int status, String title, String cause, boolean retryAfter) {
        this.status = status;
        this.title = title;
        this.cause = cause;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String cause() {
        return cause;
    }

    public boolean retryAfter() {
        return retryAfter;
    }
}
