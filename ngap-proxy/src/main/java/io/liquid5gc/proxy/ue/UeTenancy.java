package io.liquid5gc.proxy.ue;

import io.liquid5gc.runtime.metering.Tenancy;
import io.liquid5gc.runtime.metering.Tenants;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * Which tenant a UE's AMF call (and every function it calls) is billed to, decided here because the proxy is where the
 * UE's slices and PLMN are known. The PLMN is the serving PLMN of the UE's location (the TAI the gNB reported). Once
 * the AMF has answered the Initial Context Setup, the UE's tenant is that of its allowed NSSAI, which the core itself
 * decided (subscription, NSSF, AMF); a PDU session is its S-NSSAI's tenant when that slice is allowed, and its later
 * N2 events follow the session. Before that, during the registration attempt, only what the UE requested is known: the
 * requested NSSAI (unverified, so a UE can make a tenant pay for its own failed registration attempts; the N2 limits
 * bound how many); with none of a tenant, the PLMN alone, else the platform.
 */
final class UeTenancy {

    private final Tenants tenants;

    UeTenancy(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The tenant of this call. */
    String of(UeN2 ue, UeRequest request) {
        PlmnId plmn = ue.location == null ? null : ue.location.plmn();
        if (request.message() instanceof UplinkNas.UlNasTransport t) {
            if (t.sNssai() != null && ue.allowedNssai.contains(t.sNssai())) {
                String session = tenants.resolve(t.sNssai(), plmn);
                ue.sessionTenants.put(t.pduSessionId(), session);
                return session;
            }
            String session = ue.sessionTenants.get(t.pduSessionId());
            if (session != null) {
                return session;
            }
        }
        if (request.n2Event() != null) {
            String session = sessionTenant(ue, request.n2Event());
            if (session != null) {
                return session;
            }
        }
        if (ue.tenant != null) {
            return ue.tenant;
        }
        List<Snssai> requested = switch (request.message()) {
            case UplinkNas.RegistrationRequest r -> r.requestedNssai();
            case UplinkNas.SecurityModeComplete c when c.registrationRequest() != null -> c.registrationRequest().requestedNssai();
            case null, default -> ue.requestedNssai;
        };
        ue.requestedNssai = requested;
        return tenants.resolveFirst(requested, plmn);
    }

    private String sessionTenant(UeN2 ue, UeN2Event event) {
        Integer id = switch (event) {
            case UeN2Event.PduSessionResourcesSetUp s when !s.initialContextSetup() && !s.setUp().isEmpty() -> s.setUp().getFirst().pduSessionId();
            case UeN2Event.PduSessionResourcesSetUp s when !s.initialContextSetup() && !s.failed().isEmpty() -> s.failed().getFirst().pduSessionId();
            case UeN2Event.PduSessionResourcesReleased r when !r.pduSessionIds().isEmpty() -> r.pduSessionIds().getFirst();
            case UeN2Event.PduSessionResourcesModified m when !m.modified().isEmpty() -> m.modified().getFirst();
            default -> null;
        };
        return id == null ? null : ue.sessionTenants.get(id);
    }

    /** What the AMF decided: the allowed NSSAI of an Initial Context Setup makes the UE's tenant. */
    void learn(UeN2 ue, UeAction action) {
        if (action instanceof UeAction.InitialContextSetup ics && !ics.allowedNssai().isEmpty()) {
            ue.allowedNssai = ics.allowedNssai();
            ue.tenant = tenants.resolveFirst(ics.allowedNssai(), ue.location == null ? null : ue.location.plmn());
        }
    }

    static boolean isPlatform(String tenant) {
        return Tenancy.PLATFORM.equals(tenant);
    }
}
