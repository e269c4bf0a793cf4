package io.liquid5gc.runtime.placement;

import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A failed function call. The message always names the function and its placement; {@link #problem()} is the
 * peer's own problem for {@link Kind#PEER_ERROR}, or one describing the failure otherwise.
 */
public final class FunctionCallException extends ProblemException {

    /** What went wrong. */
    public enum Kind {
        /** The peer answered with an error status (its problem is attached). */
        PEER_ERROR,
        /** The function is not in the contract, or placed local but not deployed in this process. */
        UNKNOWN_FUNCTION,
        /** A Release 17 NF switched off by configuration. */
        DISABLED,
        /** Connection refused or reset, DNS failure, no URL configured. */
        UNREACHABLE,
        /** No answer within the timeout. */
        TIMEOUT,
        /** An answer that is not the function's response type. */
        MALFORMED_RESPONSE
    }

    private final Kind kind;
    private final String function;
    private final Placement placement;
    private Duration retryAfter;

    public FunctionCallException(Kind kind, String function, Placement placement, ProblemDetails problem, Throwable cause) {
        super(problem, cause);
        this.kind = kind;
        this.function = function;
        this.placement = placement;
    }

    static FunctionCallException of(Kind kind, String function, Placement placement, int status, String detail, Throwable cause) {
        String text = "function " + function + " (placement " + placement.key() + "): " + detail;
        ProblemDetails p = ProblemDetails.of(status, titleOf(kind), causeOf(kind), text);
        return new FunctionCallException(kind, function, placement, p, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String function() {
        return function;
    }

    public Placement placement() {
        return placement;
    }

    /** The peer's {@code Retry-After} (RFC 9110 10.2.3) with its answer, when it gave one that can be read. */
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    FunctionCallException withRetryAfter(Duration d) {
        this.retryAfter = d;
        return this;
    }

    /**
     * A {@code Retry-After} value (RFC 9110 10.2.3): delay-seconds, or an HTTP-date (how long from now, never
     * negative); null when absent or unreadable.
     */
    static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        try {
            Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    @Override
    public String getMessage() {
        ProblemDetails p = problem();
        String own = "function " + function + " (placement " + placement.key() + ")";
        String detail = p.detail() == null ? "" : p.detail();
        return kind == Kind.PEER_ERROR
                ? own + " answered " + p.status() + (p.cause() == null ? "" : " [" + p.cause() + "]") + ": " + detail
                : detail.isEmpty() ? own + ": " + kind : detail;
    }

    private static String titleOf(Kind kind) {
        return switch (kind) {
            case PEER_ERROR -> "Peer error";
            case UNKNOWN_FUNCTION -> "Unknown function";
            case DISABLED -> "Function disabled";
            case UNREACHABLE -> "Peer unreachable";
            case TIMEOUT -> "Peer timeout";
            case MALFORMED_RESPONSE -> "Malformed response";
        };
    }

    private static String causeOf(Kind kind) {
        // TS 29.500 5.2.7.2 / TS 29.571 causes where one fits
        return switch (kind) {
            case PEER_ERROR -> "SYSTEM_FAILURE";
            case UNKNOWN_FUNCTION -> "RESOURCE_URI_STRUCTURE_NOT_FOUND";
            case DISABLED -> "NF_SERVICE_FAILOVER";
            case UNREACHABLE -> "TARGET_NF_NOT_REACHABLE";
            case TIMEOUT -> "TIMED_OUT_REQUEST";
            case MALFORMED_RESPONSE -> "UNSPECIFIED_NF_FAILURE";
        };
    }
}
