package io.liquid5gc.amf.context;

import io.liquid5gc.sbi.common.Snssai;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PDU sessions of one UE as the AMF knows them (TS 23.502 5.2.2.2.2, the SMF association per PDU session): for
 * each PDU session id the SMF's SM context reference, the S-NSSAI and DNN, and whether its user plane is active
 * at the gNB. Kept in the store next to the UE context ({@link SessionContexts}).
 */
public record UeSessions(Map<Integer, Session> sessions) {

    /** The user-plane state of a session (TS 29.502 UpCnxState). */
    public enum UpState { ACTIVATING, ACTIVE, DEACTIVATED, RELEASING }

    /** {@code pti}: the procedure transaction identity of the UE's establishment request, while it is being set up. */
    public record Session(int pduSessionId, String smContextRef, Snssai sNssai, String dnn, UpState upState, int pti) {
        public Session(int pduSessionId, String smContextRef, Snssai sNssai, String dnn, UpState upState) {
            this(pduSessionId, smContextRef, sNssai, dnn, upState, 0);
        }

        public Session withUpState(UpState s) {
            return new Session(pduSessionId, smContextRef, sNssai, dnn, s, pti);
        }
    }

    public UeSessions {
        // ordered by PDU session id, so that lists built from it (PDU session status, reactivation) are too
        sessions = sessions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(sessions));
    }

    public static UeSessions none() {
        return new UeSessions(Map.of());
    }

    public UeSessions with(Session s) {
        Map<Integer, Session> m = new TreeMap<>(sessions);
        m.put(s.pduSessionId(), s);
        return new UeSessions(m);
    }

    public UeSessions without(int pduSessionId) {
        Map<Integer, Session> m = new TreeMap<>(sessions);
        m.remove(pduSessionId);
        return new UeSessions(m);
    }

    public Session get(int pduSessionId) {
        return sessions.get(pduSessionId);
    }

    /** The ids in ascending order. */
    public java.util.List<Integer> ids() {
        return sessions.keySet().stream().sorted().toList();
    }
}
