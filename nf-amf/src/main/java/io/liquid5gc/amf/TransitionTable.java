package io.liquid5gc.amf;

import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.sbi.amf.NasTimerId;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.ProblemException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state machine of one AMF procedure as a table: (state, event) to the step that handles it. The step does the
 * work, decides the next state and saves it. An event is the class of an uplink 5GMM message, the class of a
 * UE-associated N2 event, or the NAS timer whose last expiry the proxy reports ({@link UeN2Event.NasTimerExpired}).
 * A pair without a row is not compatible with the state: for NAS TS 24.501 7.4 ({@link #step} answers 409
 * MESSAGE_NOT_COMPATIBLE_WITH_STATE), for N2 TS 38.413 10.4 (the procedure answers with {@link #find}'s empty).
 *
 * @param <S> the procedure's states (the 5GMM state, or the handover's own)
 */
public final class TransitionTable<S extends Enum<S>> {

    /** One transition: the UE context as loaded (also its compare-and-set witness) and the request. */
    @FunctionalInterface
    public interface Step {
        UeResult apply(UeContext ue, UeRequest request, UeContexts.Loaded loaded);
    }

    private final Class<S> states;
    private final String procedure;
    private final Map<S, Map<Object, Step>> rows;

    /** @param procedure how error details name the procedure ("registration") */
    public TransitionTable(Class<S> states, String procedure) {
        this.states = states;
        this.procedure = procedure;
        this.rows = new EnumMap<>(states);
    }

    public TransitionTable<S> onMessage(S state, Class<? extends UplinkNas> message, Step step) {
        return put(EnumSet.of(state), message, step);
    }

    public TransitionTable<S> onMessage(Set<S> inStates, Class<? extends UplinkNas> message, Step step) {
        return put(EnumSet.copyOf(inStates), message, step);
    }

    /** The same step in every state (a message that restarts or ends the procedure from anywhere). */
    public TransitionTable<S> onMessageInEveryState(Class<? extends UplinkNas> message, Step step) {
        return put(EnumSet.allOf(states), message, step);
    }

    public TransitionTable<S> onEvent(S state, Class<? extends UeN2Event> event, Step step) {
        return put(EnumSet.of(state), event, step);
    }

    public TransitionTable<S> onEvent(Set<S> inStates, Class<? extends UeN2Event> event, Step step) {
        return put(EnumSet.copyOf(inStates), event, step);
    }

    public TransitionTable<S> onEventInEveryState(Class<? extends UeN2Event> event, Step step) {
        return put(EnumSet.allOf(states), event, step);
    }

    /** The last expiry of {@code timer} in {@code state}. */
    public TransitionTable<S> onExpiry(S state, NasTimerId timer, Step step) {
        return put(EnumSet.of(state), timer, step);
    }

    private TransitionTable<S> put(Set<S> inStates, Object event, Step step) {
        for (S s : inStates) {
            if (rows.computeIfAbsent(s, x -> new HashMap<>()).putIfAbsent(event, step) != null) {
                throw new IllegalStateException(procedure + ": two steps for " + name(event) + " in " + s);
            }
        }
        return this;
    }

    /** The step for the request's event in {@code state}, empty when there is none. */
    public Optional<Step> find(S state, UeRequest request) {
        return Optional.ofNullable(rows.getOrDefault(state, Map.of()).get(eventOf(request)));
    }

    /** Whether the request's event has a row in some state (else it is no event of this procedure at all). */
    public boolean knows(UeRequest request) {
        Object event = eventOf(request);
        return rows.values().stream().anyMatch(r -> r.containsKey(event));
    }

    /** The step for the request's event in {@code state}; 409 MESSAGE_NOT_COMPATIBLE_WITH_STATE (TS 24.501 7.4) when none. */
    public Step step(S state, UeRequest request) {
        return find(state, request).orElseThrow(() -> new ProblemException(409, "Conflict", "MESSAGE_NOT_COMPATIBLE_WITH_STATE",
                describe(request) + " in state " + state + " of the " + procedure));
    }

    /** The event's name for logs and problem details: the message or event type, or the timer's expiry. */
    public static String describe(UeRequest request) {
        return name(eventOf(request));
    }

    /** 400 unless the request names the UE and carries a message or an event. */
    public static void requireUeAndEvent(UeRequest request) {
        if (request.ueContextId() == null || (request.message() == null && request.n2Event() == null)) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "ueContextId and a message or event are required");
        }
    }

    private static Object eventOf(UeRequest request) {
        if (request.message() != null) {
            return request.message().getClass();
        }
        return request.n2Event() instanceof UeN2Event.NasTimerExpired t ? t.timer() : request.n2Event().getClass();
    }

    private static String name(Object event) {
        return event instanceof Class<?> c ? c.getSimpleName() : event + " expiry";
    }
}
