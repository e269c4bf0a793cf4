package io.liquid5gc.amf.context;

/**
 * The AMF procedure that took a UE context last and whose messages the context is in now: a registration (TS 24.501
 * 5.5.1, its 5GS registration type in {@link UeContext#registrationType()}) or a network-initiated re-authentication
 * (5.4.1.3 with a security mode control, 5.4.2). {@code null} in a context no procedure has taken yet.
 */
public enum OwningProcedure {
    REGISTRATION,
    REAUTHENTICATION
}
