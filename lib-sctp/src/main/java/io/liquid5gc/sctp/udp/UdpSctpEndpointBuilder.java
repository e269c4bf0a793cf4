package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/** The settings of a {@link UdpSctpEndpoint} ({@link UdpSctpEndpoint#builder()}), then {@link #start()}. */
public final class UdpSctpEndpointBuilder {

    InetSocketAddress bind = new InetSocketAddress(9899);
    DatagramIo io;
    int sctpPort = 38412;
    boolean listen;
    SctpConfig config = SctpConfig.defaults();
    AssociationHandler handler;
    NanoClock clock = NanoClock.SYSTEM;
    RandomGenerator random = new SecureRandom();
    byte[] cookieSecret;
    boolean manual;
    InitRateLimit initRateLimit = InitRateLimit.DEFAULT;
    Predicate<InetSocketAddress> acceptFrom = a -> true;

    /** UDP address to bind (RFC 6951 default port 9899); port 0 picks a free one. */
    public UdpSctpEndpointBuilder bind(InetSocketAddress v) { bind = v; return this; }
    /** A ready socket abstraction (tests: loss injection, capture); overrides {@link #bind}. */
    public UdpSctpEndpointBuilder datagramIo(DatagramIo v) { io = v; return this; }
    /** The endpoint's SCTP port (38412 for NGAP on the AMF side). */
    public UdpSctpEndpointBuilder sctpPort(int v) { sctpPort = v; return this; }
    /** Accept associations initiated by peers. */
    public UdpSctpEndpointBuilder listen(boolean v) { listen = v; return this; }
    public UdpSctpEndpointBuilder config(SctpConfig v) { config = v; return this; }
    public UdpSctpEndpointBuilder handler(AssociationHandler v) { handler = v; return this; }
    public UdpSctpEndpointBuilder clock(NanoClock v) { clock = v; return this; }
    /** Source of verification tags and initial TSNs (default SecureRandom, RFC 9260 5.3.1). */
    public UdpSctpEndpointBuilder random(RandomGenerator v) { random = v; return this; }
    /** HMAC key for state cookies (default: 32 random bytes). */
    public UdpSctpEndpointBuilder cookieSecret(byte[] v) { cookieSecret = v.clone(); return this; }
    /** INITs answered per source IP address ({@link InitRateLimit#DEFAULT}); null answers every INIT. */
    public UdpSctpEndpointBuilder initRateLimit(InitRateLimit v) { initRateLimit = v; return this; }
    /**
     * Which peers may associate (default: any): INIT and COOKIE ECHO from another UDP source are dropped
     * silently, before any INIT ACK or association state exists.
     */
    public UdpSctpEndpointBuilder acceptFrom(Predicate<InetSocketAddress> v) { acceptFrom = Objects.requireNonNull(v); return this; }

    /**
     * No I/O thread: the caller drives the endpoint with {@link UdpSctpEndpoint#poll()} (deterministic
     * simulations with a virtual clock). Handlers then run on the caller's thread.
     */
    UdpSctpEndpointBuilder manual(boolean v) { manual = v; return this; }

    /** Binds the socket and starts the I/O thread. */
    public UdpSctpEndpoint start() throws IOException {
        Objects.requireNonNull(handler, "handler");
        if (sctpPort <= 0 || sctpPort > 65535) {
            throw new IllegalArgumentException("sctpPort " + sctpPort);
        }
        DatagramIo d = io != null ? io : ChannelDatagramIo.bind(bind);
        UdpSctpEndpoint e = new UdpSctpEndpoint(this, d);
        if (!manual) {
            e.startThread();
        }
        return e;
    }
}
