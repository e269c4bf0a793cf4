package io.liquid5gc.sbi.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * AccessTokenErr (TS 29.510 6.3.5.2.4, RFC 6749 5.2): the 400/401 answer of the token endpoint.
 *
 * @param error            invalid_request, invalid_client, invalid_grant, unauthorized_client,
 *                         unsupported_grant_type or invalid_scope
 * @param errorDescription what was wrong, for the operator
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessTokenErr(@JsonProperty("error") String error,
                             @JsonProperty("error_description") String errorDescription,
                             @JsonProperty("error_uri") String errorUri) {

    public static AccessTokenErr of(String error, String description) {
        return new AccessTokenErr(error, description, null);
    }
}
