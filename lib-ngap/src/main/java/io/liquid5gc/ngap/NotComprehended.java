package io.liquid5gc.ngap;

import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.RawExtension;
import io.liquid5gc.ngap.ie.TriggeringMessage;
import io.liquid5gc.ngap.ie.TypeOfError;
import io.liquid5gc.ngap.message.NgapMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds, anywhere in a decoded message, an IE extension the codec keeps raw (so does not comprehend) whose criticality
 * is reject: TS 38.413 10.3.4.2 then has the receiver reject the procedure, process nothing of the message, and report
 * the extension's id as not understood in Criticality Diagnostics. The codec keeps such extensions (and re-encodes
 * them bit-exact) so that this decision is the receiver's, not the decoder's.
 *
 * <p>The message's records are walked through their components (records, lists, optionals); the walk is bounded in
 * depth, and a message without extensions costs one pass over its fields.
 */
public final class NotComprehended {

    private static final int MAX_DEPTH = 32;

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] out = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                out[i] = components[i].getAccessor();
                out[i].setAccessible(true);
            }
            return out;
        }
    };

    private NotComprehended() {
    }

    /** The first IE extension with criticality reject in {@code message} (depth first, in field order), if any. */
    public static Optional<RawExtension> firstToReject(NgapMessage message) {
        return Optional.ofNullable(find(message, 0));
    }

    /**
     * Criticality Diagnostics for rejecting {@code message} because of {@code extension} (TS 38.413 9.3.1.3): the
     * procedure code, triggering message and procedure criticality of the message, and the extension as an IE of
     * criticality reject, not understood.
     */
    public static CriticalityDiagnostics diagnostics(NgapMessage message, RawExtension extension) {
        return new CriticalityDiagnostics(
                message.procedureCode() == null ? -1 : message.procedureCode().code(),
                TriggeringMessage.fromIndex(message.messageType().ordinal()),
                message.procedureCode() == null ? null : message.procedureCode().criticality(),
                List.of(new CriticalityDiagnostics.IeDiagnostic(extension.criticality(), extension.id(), TypeOfError.NOT_UNDERSTOOD)));
    }

    private static RawExtension find(Object value, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return null;
        }
        if (value instanceof RawExtension x) {
            return x.mustReject() ? x : null;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                RawExtension x = find(item, depth + 1);
                if (x != null) {
                    return x;
                }
            }
            return null;
        }
        if (value instanceof Optional<?> o) {
            return o.map(v -> find(v, depth + 1)).orElse(null);
        }
        if (!value.getClass().isRecord()) {
            return null; // numbers, strings, enums, octets: no extensions inside
        }
        for (Method accessor : ACCESSORS.get(value.getClass())) {
            if (accessor.getReturnType().isPrimitive()) {
                continue;
            }
            Object component;
            try {
                component = accessor.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + accessor + ": " + e.getMessage(), e);
            }
            RawExtension x = find(component, depth + 1);
            if (x != null) {
                return x;
            }
        }
        return null;
    }
}
