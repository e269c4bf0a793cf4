package io.liquid5gc.amf.session;

import io.liquid5gc.amf.context.SessionContexts;
import io.liquid5gc.amf.context.UeSessions;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What other AMF procedures do to a UE's PDU sessions through the SMF: release them all (de-registration,
 * TS 23.502 4.2.2.3.2 step 2), deactivate their user plane (AN release, 4.2.6 step 5) and re-activate it
 * (service request, 4.2.3.2 step 4).
 */
public final class SmfSessions {

    private static final Logger log = LoggerFactory.getLogger(SmfSessions.class);

    private final SessionContexts sessions;
    private final FunctionClient functions;

    public SmfSessions(SessionContexts sessions, FunctionClient functions) {
        this.sessions = sessions;
        this.functions = functions;
    }

    /** Releases one SM context at its SMF; one the SMF no longer has (404) counts as released. */
    public void release(String smContextRef, String cause) {
        try {
            functions.call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(smContextRef, cause));
        } catch (ProblemException e) {
            if (e.problem().status() != 404) {
                throw e;
            }
            log.info("SM context {} was already gone at the SMF", smContextRef);
        }
    }

    /** Releases every PDU session of the UE at its SMF and forgets them; returns the ids released. */
    public List<Integer> releaseAll(String ueContextId, String cause) {
        UeSessions all = sessions.load(ueContextId);
        for (UeSessions.Session s : all.sessions().values()) {
            release(s.smContextRef(), cause);
        }
        sessions.clear(ueContextId);
        if (!all.sessions().isEmpty()) {
            log.info("UE {}: PDU sessions {} released ({})", ueContextId, all.ids(), cause);
        }
        return all.ids();
    }

    /** Tells the SMF the user plane of every active session is gone (downlink is buffered) and marks them deactivated. */
    public void deactivateAll(String ueContextId) {
        UeSessions all = sessions.load(ueContextId);
        for (UeSessions.Session s : all.sessions().values()) {
            if (s.upState() == UeSessions.UpState.DEACTIVATED || s.upState() == UeSessions.UpState.RELEASING) {
                continue;
            }
            try {
                functions.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(s.smContextRef(), null, null, "DEACTIVATED"));
            } catch (ProblemException e) {
                if (e.problem().status() != 404) {
                    throw e;
                }
                sessions.update(ueContextId, current -> current.without(s.pduSessionId())); // gone at the SMF: forgotten here too
            }
        }
        sessions.update(ueContextId, current -> {
            UeSessions next = current;
            for (UeSessions.Session s : current.sessions().values()) {
                if (s.upState() != UeSessions.UpState.RELEASING) {
                    next = next.with(s.withUpState(UeSessions.UpState.DEACTIVATED));
                }
            }
            return next;
        });
    }
}
