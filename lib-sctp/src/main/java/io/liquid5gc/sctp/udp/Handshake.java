package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.Param;
import io.liquid5gc.sctp.wire.UnknownAction;
import java.util.ArrayList;
import java.util.List;

/** Building INIT and INIT ACK chunks and checking their parameters (RFC 9260 5.1, 3.2.1). */
final class Handshake {
    private Handshake() {
    }

    /** Upper bound for a cookie preservative we honour (RFC 9260 5.1.3 leaves it to the implementation). */
    static final long MAX_PRESERVATIVE_MILLIS = 60_000;

    /** Our advertised receive window. */
    static long advertisedRwnd(SctpConfig cfg) {
        return cfg.receiveBufferBytes();
    }

    static Chunk.Init init(SctpConfig cfg, int tag, int initialTsn, long cookiePreservativeMillis) {
        List<Param> params = new ArrayList<>(2);
        // RFC 9260 3.3.2.1: Supported Address Types, IPv4 and IPv6
        params.add(new Param(Param.Type.SUPPORTED_ADDRESS_TYPES.code(), new byte[] {0, 5, 0, 6}));
        if (cookiePreservativeMillis > 0) {
            int v = (int) Math.min(cookiePreservativeMillis, 0xFFFFFFFFL);
            params.add(new Param(Param.Type.COOKIE_PRESERVATIVE.code(),
                    new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}));
        }
        return new Chunk.Init(tag, advertisedRwnd(cfg), cfg.outboundStreams(), cfg.maxInboundStreams(), initialTsn,
                params);
    }

    /** RFC 9260 3.3.2: an INIT with tag 0 or no streams is silently discarded. */
    static boolean initAcceptable(int tag, int os, int mis) {
        return tag != 0 && os != 0 && mis != 0;
    }

    /** Result of scanning INIT / INIT ACK parameters by their type bits (RFC 9260 3.2.1). */
    record ParamScan(List<Param> unrecognized, long cookiePreservativeMillis) {
    }

    static ParamScan scan(List<Param> params) {
        List<Param> unrecognized = List.of();
        long preservative = 0;
        for (Param p : params) {
            Param.Type t = p.knownType();
            if (t != null) {
                if (t == Param.Type.COOKIE_PRESERVATIVE && p.value().length == 4) {
                    byte[] v = p.value();
                    preservative = ((v[0] & 0xFFL) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
                }
                continue;
            }
            UnknownAction a = UnknownAction.ofParamType(p.type());
            if (a.reports()) {
                if (unrecognized.isEmpty()) {
                    unrecognized = new ArrayList<>(2);
                }
                unrecognized.add(p);
            }
            if (a.stops()) {
                break;
            }
        }
        return new ParamScan(unrecognized, Math.min(preservative, MAX_PRESERVATIVE_MILLIS));
    }

    /**
     * The INIT ACK answering {@code init} (RFC 9260 5.1.3), with a signed cookie. Unrecognized parameters
     * whose type asks for a report are returned in Unrecognized Parameter parameters (RFC 9260 3.3.3.1).
     */
    static Chunk.InitAck initAck(CoreContext ctx, Chunk.Init init, int peerPort, int localPort, int localTag,
            int localTsn, int localTieTag, int peerTieTag) {
        SctpConfig cfg = ctx.config();
        ParamScan scan = scan(init.params());
        long life = cfg.validCookieLife().toMillis() + scan.cookiePreservativeMillis();
        StateCookie cookie = new StateCookie(ctx.nowMillis(), (int) Math.min(life, Integer.MAX_VALUE), localTag,
                init.initiateTag(), localTsn, init.initialTsn(), init.aRwnd(),
                Math.min(cfg.outboundStreams(), init.inboundStreams()),
                Math.min(init.outboundStreams(), cfg.maxInboundStreams()), peerPort, localPort, localTieTag,
                peerTieTag);
        List<Param> params = new ArrayList<>(2 + scan.unrecognized().size());
        params.add(new Param(Param.Type.STATE_COOKIE.code(), ctx.cookies().sign(cookie)));
        for (Param u : scan.unrecognized()) {
            params.add(new Param(Param.Type.UNRECOGNIZED_PARAMETER.code(), tlv(u)));
        }
        return new Chunk.InitAck(localTag, advertisedRwnd(cfg), cfg.outboundStreams(), cfg.maxInboundStreams(),
                localTsn, params);
    }

    /** A parameter re-encoded as a TLV (with padding), as Unrecognized Parameter carries it. */
    static byte[] tlv(Param p) {
        int len = p.encodedLength();
        byte[] b = new byte[(len + 3) & ~3];
        b[0] = (byte) (p.type() >>> 8);
        b[1] = (byte) p.type();
        b[2] = (byte) (len >>> 8);
        b[3] = (byte) len;
        System.arraycopy(p.value(), 0, b, 4, p.value().length);
        return b;
    }

    /** A tag that is never 0 (RFC 9260 5.3.1). */
    static int newTag(java.util.random.RandomGenerator r) {
        int t;
        do {
            t = r.nextInt();
        } while (t == 0);
        return t;
    }
}
