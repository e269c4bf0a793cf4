package io.liquid5gc.runtime.placement;

import java.util.Locale;

/** Where an NF's functions run, chosen per NF by configuration (docs/architecture.md "The idea"). */
public enum Placement {
    /** The function bean is called in the same JVM. */
    LOCAL,
    /** An always-on NF service reached over HTTP with pooled keep-alive connections. */
    HTTP,
    /** A function on a FaaS platform, reached through a gateway URL pattern. */
    FAAS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
