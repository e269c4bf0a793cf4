package io.liquid5gc.pfcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The IEs inside a message or a grouped IE, taken by type while a record is built from them; what no field took is
 * {@link #rest()}, kept in order and re-encoded after the fields (so nothing is dropped).
 */
final class Children {
    private final List<Ie> ies;
    private final boolean[] taken;
    private final int parentType;

    Children(List<Ie> ies, int parentType) {
        this.ies = ies;
        this.taken = new boolean[ies.size()];
        this.parentType = parentType;
    }

    /** The first IE of this class not yet taken, or null. */
    <T extends Ie> T optional(Class<T> c) {
        for (int i = 0; i < ies.size(); i++) {
            if (!taken[i] && c.isInstance(ies.get(i))) {
                taken[i] = true;
                return c.cast(ies.get(i));
            }
        }
        return null;
    }

    /** The first IE of this class, or a {@link DecodeError#MISSING_MANDATORY} failure naming {@code type}. */
    <T extends Ie> T mandatory(Class<T> c, int type) {
        T t = optional(c);
        if (t == null) {
            throw new Octets.Malformed(DecodeError.MISSING_MANDATORY, type,
                    "IE " + type + " missing" + (parentType == 0 ? "" : " in IE " + parentType));
        }
        return t;
    }

    /** Every IE of this class not yet taken, in order. */
    <T extends Ie> List<T> all(Class<T> c) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < ies.size(); i++) {
            if (!taken[i] && c.isInstance(ies.get(i))) {
                taken[i] = true;
                out.add(c.cast(ies.get(i)));
            }
        }
        return List.copyOf(out);
    }

    /** At least one IE of this class, or a {@link DecodeError#MISSING_MANDATORY} failure. */
    <T extends Ie> List<T> atLeastOne(Class<T> c, int type) {
        List<T> out = all(c);
        if (out.isEmpty()) {
            throw new Octets.Malformed(DecodeError.MISSING_MANDATORY, type, "IE " + type + " missing");
        }
        return out;
    }

    /** What no field took. */
    List<Ie> rest() {
        List<Ie> out = new ArrayList<>();
        for (int i = 0; i < ies.size(); i++) {
            if (!taken[i]) {
                out.add(ies.get(i));
            }
        }
        return List.copyOf(out);
    }

    /** The IEs of a record in encoding order: each argument an IE, a collection of IEs, or null (absent). */
    static List<Ie> of(Object... parts) {
        List<Ie> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Ie ie) {
                out.add(ie);
            } else if (p instanceof Collection<?> c) {
                for (Object o : c) {
                    out.add((Ie) o);
                }
            } else if (p != null) {
                throw new IllegalArgumentException("not an IE: " + p);
            }
        }
        return out;
    }
}
