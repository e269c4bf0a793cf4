package io.liquid5gc.sbi.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * AccessTokenRsp (TS 29.510 6.3.5.2.3): the JWT, its type ({@code Bearer}), lifetime in seconds and granted scope.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessTokenRsp(@JsonProperty("access_token") String accessToken,
                             @JsonProperty("token_type") String tokenType,
                             @JsonProperty("expires_in") Long expiresIn,
                             @JsonProperty("scope") String scope) {
}
