package io.liquid5gc.sbi.common;

/**
 * Thrown by a function to answer with a problem: the runtime turns it into an HTTP answer with
 * {@code application/problem+json} and the status of the problem, or hands it to an in-process caller as is.
 */
public class ProblemException extends RuntimeException {

    private final ProblemDetails problem;

    public ProblemException(ProblemDetails problem) {
        this(problem, null);
    }

    public ProblemException(ProblemDetails problem, Throwable cause) {
        super(describe(problem), cause);
        this.problem = problem;
    }

    public ProblemException(int status, String title, String cause, String detail) {
        this(ProblemDetails.of(status, title, cause, detail));
    }

    public ProblemDetails problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /**
     * How long the producer asked its consumers to wait before trying again (the {@code Retry-After} of a 503, RFC
     * 9110 10.2.3), when it said; empty here, a remote call's failure carries the peer's.
     */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.empty();
    }

    /** 400 with cause MANDATORY_IE_INCORRECT or another TS 29.571 cause. */
    public static ProblemException badRequest(String cause, String detail) {
        return new ProblemException(400, "Bad Request", cause, detail);
    }

    public static ProblemException notFound(String cause, String detail) {
        return new ProblemException(404, "Not Found", cause, detail);
    }

    public static ProblemException forbidden(String cause, String detail) {
        return new ProblemException(403, "Forbidden", cause, detail);
    }

    /**
     * 501: the function exists in the contract, but its procedure logic is not in this build. Never a fake
     * success.
     */
    public static ProblemException notImplemented(String function, String detail) {
        return new ProblemException(501, "Not Implemented", "NOT_IMPLEMENTED", function + ": " + detail);
    }

    private static String describe(ProblemDetails p) {
        StringBuilder sb = new StringBuilder().append(p.status());
        if (p.title() != null) {
            sb.append(' ').append(p.title());
        }
        if (p.cause() != null) {
            sb.append(" [").append(p.cause()).append(']');
        }
        if (p.detail() != null) {
            sb.append(": ").append(p.detail());
        }
        return sb.toString();
    }
}
