package io.liquid5gc.sbi.ausf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * UEAuthenticationCtx (TS 29.509 6.1.6.2.3) for 5G AKA: authType {@code 5G_AKA}, the SE AV in {@code 5gAuthData}
 * (RAND, AUTN, HXRES*; never XRES* or KAUSF), {@code _links} with the confirmation resource
 * ({@code "5g-aka"}), and, for convenience, that resource's id {@code authCtxId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UeAuthenticationCtx(String authType, @JsonProperty("5gAuthData") Av5gAka fiveGAuthData,
                                  @JsonProperty("_links") Map<String, Link> links, String servingNetworkName,
                                  String authCtxId) {

    /** Av5gAka (TS 29.509 6.1.6.2.5): lower-case hex. */
    public record Av5gAka(String rand, String autn, String hxresStar) {
    }

    /** LinksValueSchema / Link (TS 29.571 5.2.4.x). */
    public record Link(String href) {
    }
}
