package io.liquid5gc.amf.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.amf.AmfProperties;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.SessionContexts;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.amf.context.UeSessions;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the AMF's session-related procedures share in their tests: the in-process store with the UE and session
 * contexts on it, the recording SMF stand-in, the relay, and registered UEs built the way registration leaves them
 * (the {@link UeContext} {@code with...} steps), with PDU sessions established through the relay itself.
 */
public final class AmfSessionTestBed {

    public static final Snssai SLICE = new Snssai(1, "010203");
    public static final Snssai OTHER_SLICE = new Snssai(2, null);
    public static final String SUPI = "imsi-001010000000001";
    public static final String SUCI = "suci-0-001-01-0000-0-0-0000000001";
    public static final String GUTI = "00101-0100100-0000002a";
    public static final UeSecurityCapability CAPS = new UeSecurityCapability(0xF0, 0x70, null);
    public static final UeLocation WHERE = new UeLocation(new PlmnId("001", "01"), 1, "000000010", "gnb-1");
    public static final String KAMF = "7b1c2ae0c8c4f1a1f0ad3e1f4b5d1c9e8a2f3b4c5d6e7f8091a2b3c4d5e6f708";

    public final AmfProperties amf = AmfProperties.defaults();
    public final InMemoryKeyValueStore store = new InMemoryKeyValueStore(Clock.systemUTC());
    public final JsonMapper json = new JsonMapper();
    public final UeContexts contexts = new UeContexts(store, json, amf.contextTtl());
    public final SessionContexts sessions = new SessionContexts(store, json, amf.contextTtl());
    public final RecordingSmf smf = new RecordingSmf();
    public final PduSessionRelay relay = new PduSessionRelay(amf, SessionProperties.defaults(), contexts, sessions, smf);
    public final SmfSessions smfSessions = new SmfSessions(sessions, smf);

    /** A UE context as a completed registration leaves it: authenticated, security mode done, accepted, REGISTERED. */
    public UeContext registered(String id) {
        return save(UeContext.fresh(id).withRegistration(SUCI, io.liquid5gc.sbi.amf.RegistrationType.INITIAL, false, CAPS, List.of(SLICE), WHERE)
                .withSecurity(SUPI, KAMF, 2, 2).withAccepted(GUTI, List.of(SLICE)).withState(GmmState.REGISTERED));
    }

    public UeContext save(UeContext ue) {
        contexts.save(contexts.load(ue.id()), ue);
        return ue;
    }

    public UeContext context(String id) {
        return contexts.load(id).context();
    }

    public UeSessions.Session session(String ueId, int psi) {
        return sessions.load(ueId).get(psi);
    }

    public static UeRequest establishmentRequest(String ueId, int psi, int pti) {
        return new UeRequest(ueId, WHERE, true, new UplinkNas.UlNasTransport(psi, "INITIAL_REQUEST", SLICE, "internet",
                new UplinkSm.PduSessionEstablishmentRequest(pti, "IPV4", "SSC_MODE_1")));
    }

    /** The gNB's downlink tunnel for a session, as the proxy maps a Setup Response Transfer. */
    public static PduSessionResourceSetupResponseTransfer gnbTunnel(int psi) {
        return new PduSessionResourceSetupResponseTransfer(UpTransportLayerInformation.of("10.200.0." + psi, 0xC0DE0000L + psi), List.of(1), List.of());
    }

    public static UeRequest setUp(String ueId, boolean initialContextSetup, int... psis) {
        return UeRequest.n2(ueId, WHERE, new UeN2Event.PduSessionResourcesSetUp(initialContextSetup,
                java.util.Arrays.stream(psis).mapToObj(p -> new UeN2Event.SetUpSession(p, gnbTunnel(p))).toList(), List.of()));
    }

    /** Establishes PDU session {@code psi} through the relay and the gNB's setup response (ACTIVE); forgets the SMF calls made. */
    public String establish(String ueId, int psi) {
        UeResult r = relay.handle(establishmentRequest(ueId, psi, psi));
        assertThat(r.actions()).singleElement().isInstanceOf(UeAction.PduSessionResourceSetup.class);
        relay.handle(setUp(ueId, false, psi));
        assertThat(session(ueId, psi).upState()).isEqualTo(UeSessions.UpState.ACTIVE);
        smf.calls.clear();
        return session(ueId, psi).smContextRef();
    }

    /** Marks a session's user plane as the AN release leaves it. */
    public void deactivate(String ueId, int psi) {
        sessions.update(ueId, all -> all.with(all.get(psi).withUpState(UeSessions.UpState.DEACTIVATED)));
        String ref = session(ueId, psi).smContextRef();
        smf.contexts.computeIfPresent(ref, (k, c) -> new RecordingSmf.SmContext(c.ref(), c.request(), c.ueIp(), c.ulTeid(), "DEACTIVATED", null));
    }
}
