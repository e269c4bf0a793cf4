package io.liquid5gc.nssf;

import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nssf.AllowedNssai;
import io.liquid5gc.sbi.nssf.AllowedSnssai;
import io.liquid5gc.sbi.nssf.AuthorizedNetworkSliceInfo;
import io.liquid5gc.sbi.nssf.ConfiguredSnssai;
import io.liquid5gc.sbi.nssf.NsSelectionRequest;
import io.liquid5gc.sbi.nssf.SliceInfoForRegistration;
import io.liquid5gc.sbi.nssf.SubscribedSnssai;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Network slice selection for registration (TS 29.531 5.2.2.2.2, TS 23.501 5.15.5.2.1): from the S-NSSAIs the UE asked
 * for (or, when it asked for none, its default subscribed S-NSSAIs), the allowed NSSAI is those subscribed and supported
 * in the UE's tracking area; the others are rejected in the PLMN (not supported in the PLMN, or not subscribed) or in the
 * TA (supported in the PLMN, not in this TA). When none of the requested is allowed, the default subscribed S-NSSAIs
 * supported in the TA are allowed instead (TS 23.501 5.15.5.2.1). Stateless: configuration only.
 */
final class SliceSelection {

    private final NssfProperties properties;

    SliceSelection(NssfProperties properties) {
        this.properties = properties;
    }

    AuthorizedNetworkSliceInfo handleNsSelectionGet(NsSelectionRequest request) {
        if (request.nfType() == null || request.tai() == null || request.tai().plmnId() == null
                || request.sliceInfoRequestForRegistration() == null) {
            throw ProblemException.badRequest("MANDATORY_QUERY_PARAM_INCORRECT",
                    "nf-type, tai and slice-info-request-for-registration are required (TS 29.531 6.1.3.2.3.1)");
        }
        SliceInfoForRegistration info = request.sliceInfoRequestForRegistration();
        if (info.subscribedNssai().isEmpty()) {
            throw ProblemException.badRequest("MANDATORY_QUERY_PARAM_INCORRECT", "subscribedNssai is required for registration");
        }
        Set<Snssai> subscribed = new LinkedHashSet<>();
        Set<Snssai> defaults = new LinkedHashSet<>();
        for (SubscribedSnssai s : info.subscribedNssai()) {
            if (s.subscribedSnssai() == null) {
                throw ProblemException.badRequest("MANDATORY_QUERY_PARAM_INCORRECT", "subscribedNssai entry without subscribedSnssai");
            }
            subscribed.add(s.subscribedSnssai());
            if (Boolean.TRUE.equals(s.defaultIndication())) {
                defaults.add(s.subscribedSnssai());
            }
        }
        Optional<NssfProperties.Plmn> plmn = properties.plmns().stream()
                .filter(p -> p.plmnId().equals(request.tai().plmnId())).findFirst();
        List<Snssai> inPlmn = plmn.map(NssfProperties.Plmn::snssais).orElse(List.of());
        List<Snssai> inTa = plmn.map(p -> p.supportedIn(request.tai().tac())).orElse(List.of());

        List<Snssai> requested = info.requestedNssai().isEmpty() ? List.copyOf(defaults) : info.requestedNssai();
        List<Snssai> allowed = new ArrayList<>();
        List<Snssai> rejectedInPlmn = new ArrayList<>();
        List<Snssai> rejectedInTa = new ArrayList<>();
        for (Snssai s : new LinkedHashSet<>(requested)) {
            if (!subscribed.contains(s) || !inPlmn.contains(s)) {
                rejectedInPlmn.add(s); // TS 24.501 9.11.3.46 cause #0
            } else if (!inTa.contains(s)) {
                rejectedInTa.add(s); // cause #1
            } else {
                allowed.add(s);
            }
        }
        if (allowed.isEmpty()) {
            defaults.stream().filter(inTa::contains).forEach(allowed::add);
        }
        // Configured NSSAI (TS 23.501 5.15.4.2): the subscribed S-NSSAIs the PLMN supports.
        List<ConfiguredSnssai> configured = subscribed.stream().filter(inPlmn::contains).map(s -> new ConfiguredSnssai(s, null)).toList();
        List<AllowedNssai> allowedList = allowed.isEmpty() ? List.of()
                : List.of(new AllowedNssai(allowed.stream().map(s -> new AllowedSnssai(s, null)).toList(), "3GPP_ACCESS"));
        return new AuthorizedNetworkSliceInfo(allowedList, configured, rejectedInPlmn, rejectedInTa);
    }
}
