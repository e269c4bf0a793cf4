package io.liquid5gc.sbi.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * ProblemDetails (TS 29.571 5.2.4.1, after RFC 7807/9457): the body of every error answer, with the 3GPP
 * application error in {@code cause} (e.g. "USER_NOT_FOUND", "AUTHENTICATION_REJECTED").
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetails(String type, String title, int status, String detail, String instance, String cause,
                             List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetails {
        invalidParams = invalidParams == null ? List.of() : List.copyOf(invalidParams);
    }

    public static ProblemDetails of(int status, String title, String cause, String detail) {
        return new ProblemDetails(null, title, status, detail, null, cause, List.of());
    }

    /** InvalidParam (TS 29.571 5.2.4.2). */
    public record InvalidParam(String param, String reason) {
    }
}
