package io.liquid5gc.sbi.nssf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * AuthorizedNetworkSliceInfo (TS 29.531 6.1.6.2.4): the answer of {@code nssf-slice-select}.
 * <ul>
 *   <li>{@code rejectedNssaiInPlmn}: rejected with the TS 24.501 9.11.3.46 cause #0 "S-NSSAI not available in the
 *   current PLMN" (not supported in the PLMN, or not subscribed);</li>
 *   <li>{@code rejectedNssaiInTa}: rejected with cause #1 "S-NSSAI not available in the current registration area";</li>
 *   <li>an empty {@code allowedNssaiList} means no slice is allowed ({@link #noAllowedSlice()}): the AMF rejects the
 *   registration with 5GMM cause #62 "No network slices available" (TS 24.501 5.5.1.2.5).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AuthorizedNetworkSliceInfo(List<AllowedNssai> allowedNssaiList, List<ConfiguredSnssai> configuredNssai,
                                         List<Snssai> rejectedNssaiInPlmn, List<Snssai> rejectedNssaiInTa) {

    /** TS 24.501 9.11.3.46 rejected S-NSSAI cause: not available in the current PLMN. */
    public static final int CAUSE_NOT_AVAILABLE_IN_PLMN = 0;
    /** TS 24.501 9.11.3.46 rejected S-NSSAI cause: not available in the current registration area. */
    public static final int CAUSE_NOT_AVAILABLE_IN_REGISTRATION_AREA = 1;

    public AuthorizedNetworkSliceInfo {
        allowedNssaiList = allowedNssaiList == null ? List.of() : List.copyOf(allowedNssaiList);
        configuredNssai = configuredNssai == null ? List.of() : List.copyOf(configuredNssai);
        rejectedNssaiInPlmn = rejectedNssaiInPlmn == null ? List.of() : List.copyOf(rejectedNssaiInPlmn);
        rejectedNssaiInTa = rejectedNssaiInTa == null ? List.of() : List.copyOf(rejectedNssaiInTa);
    }

    /** The allowed S-NSSAIs of every access, in order. */
    public List<Snssai> allowedSnssais() {
        return allowedNssaiList.stream().flatMap(a -> a.allowedSnssaiList().stream()).map(AllowedSnssai::allowedSnssai).toList();
    }

    /** True when no S-NSSAI is allowed: the AMF answers 5GMM cause #62. */
    public boolean noAllowedSlice() {
        return allowedSnssais().isEmpty();
    }
}
