package io.liquid5gc.sctp;

import java.time.Duration;

/**
 * Association settings. Defaults follow RFC 9260 15 (protocol parameters) except where noted.
 *
 * @param outboundStreams OS requested in INIT (RFC 9260 5.1.1: negotiated as min(OS, peer MIS))
 * @param maxInboundStreams MIS offered in INIT
 * @param sendBufferBytes bound on queued plus unacknowledged payload bytes per association (back-pressure)
 * @param receiveBufferBytes bound on payload held for reassembly/reordering; advertised as a_rwnd
 * @param maxMessageBytes largest user message sent or reassembled
 * @param pathMtu IP MTU of the path; DATA is fragmented to fit it after IP, UDP and SCTP headers
 * @param rtoInitial RTO.Initial
 * @param rtoMin RTO.Min
 * @param rtoMax RTO.Max
 * @param maxBurst Max.Burst (RFC 9260 7.2.4 / 6.1)
 * @param associationMaxRetrans Association.Max.Retrans
 * @param pathMaxRetrans Path.Max.Retrans
 * @param maxInitRetransmits Max.Init.Retransmits
 * @param validCookieLife Valid.Cookie.Life
 * @param heartbeatInterval HB.interval (RFC 9260 8.3); {@link Duration#ZERO} disables heartbeats
 * @param sackDelay delayed-SACK timer (RFC 9260 6.2: at most 500 ms; default 200 ms)
 */
public record SctpConfig(int outboundStreams, int maxInboundStreams, int sendBufferBytes, int receiveBufferBytes,
        int maxMessageBytes, int pathMtu, Duration rtoInitial, Duration rtoMin, Duration rtoMax, int maxBurst,
        int associationMaxRetrans, int pathMaxRetrans, int maxInitRetransmits, Duration validCookieLife,
        Duration heartbeatInterval, Duration sackDelay) {

    public SctpConfig {
        check(outboundStreams >= 1 && outboundStreams <= 65535, "outboundStreams in 1..65535");
        check(maxInboundStreams >= 1 && maxInboundStreams <= 65535, "maxInboundStreams in 1..65535");
        check(pathMtu >= 576 && pathMtu <= 65535, "pathMtu in 576..65535");
        check(maxMessageBytes >= 1, "maxMessageBytes >= 1");
        check(sendBufferBytes >= maxMessageBytes, "sendBufferBytes >= maxMessageBytes");
        check(receiveBufferBytes >= 2 * pathMtu && receiveBufferBytes >= maxMessageBytes,
                "receiveBufferBytes >= max(maxMessageBytes, 2 * pathMtu)");
        check(!rtoMin.isNegative() && !rtoMin.isZero() && rtoMin.compareTo(rtoMax) <= 0, "0 < rtoMin <= rtoMax");
        check(rtoInitial.compareTo(rtoMin) >= 0 && rtoInitial.compareTo(rtoMax) <= 0, "rtoMin <= rtoInitial <= rtoMax");
        check(maxBurst >= 1, "maxBurst >= 1");
        check(associationMaxRetrans >= 1 && pathMaxRetrans >= 1 && maxInitRetransmits >= 1, "retransmission limits >= 1");
        check(validCookieLife.toMillis() >= 1, "validCookieLife >= 1 ms");
        check(!heartbeatInterval.isNegative(), "heartbeatInterval >= 0");
        check(!sackDelay.isNegative() && sackDelay.toMillis() <= 500, "sackDelay in 0..500 ms (RFC 9260 6.2)");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("SctpConfig: " + what);
        }
    }

    /** RFC 9260 15 defaults; 16 streams each way, 1 MiB buffers, 256 KiB messages, MTU 1500. */
    public static SctpConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.outboundStreams = outboundStreams;
        b.maxInboundStreams = maxInboundStreams;
        b.sendBufferBytes = sendBufferBytes;
        b.receiveBufferBytes = receiveBufferBytes;
        b.maxMessageBytes = maxMessageBytes;
        b.pathMtu = pathMtu;
        b.rtoInitial = rtoInitial;
        b.rtoMin = rtoMin;
        b.rtoMax = rtoMax;
        b.maxBurst = maxBurst;
        b.associationMaxRetrans = associationMaxRetrans;
        b.pathMaxRetrans = pathMaxRetrans;
        b.maxInitRetransmits = maxInitRetransmits;
        b.validCookieLife = validCookieLife;
        b.heartbeatInterval = heartbeatInterval;
        b.sackDelay = sackDelay;
        return b;
    }

    /** Mutable builder with the defaults of {@link #defaults()}. */
    public static final class Builder {
        private int outboundStreams = 16;
        private int maxInboundStreams = 16;
        private int sendBufferBytes = 1 << 20;
        private int receiveBufferBytes = 1 << 20;
        private int maxMessageBytes = 256 * 1024;
        private int pathMtu = 1500;
        private Duration rtoInitial = Duration.ofSeconds(1);
        private Duration rtoMin = Duration.ofSeconds(1);
        private Duration rtoMax = Duration.ofSeconds(60);
        private int maxBurst = 4;
        private int associationMaxRetrans = 10;
        private int pathMaxRetrans = 5;
        private int maxInitRetransmits = 8;
        private Duration validCookieLife = Duration.ofSeconds(60);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private Duration sackDelay = Duration.ofMillis(200);

        public Builder outboundStreams(int v) { outboundStreams = v; return this; }
        public Builder maxInboundStreams(int v) { maxInboundStreams = v; return this; }
        public Builder sendBufferBytes(int v) { sendBufferBytes = v; return this; }
        public Builder receiveBufferBytes(int v) { receiveBufferBytes = v; return this; }
        public Builder maxMessageBytes(int v) { maxMessageBytes = v; return this; }
        public Builder pathMtu(int v) { pathMtu = v; return this; }
        public Builder rtoInitial(Duration v) { rtoInitial = v; return this; }
        public Builder rtoMin(Duration v) { rtoMin = v; return this; }
        public Builder rtoMax(Duration v) { rtoMax = v; return this; }
        public Builder maxBurst(int v) { maxBurst = v; return this; }
        public Builder associationMaxRetrans(int v) { associationMaxRetrans = v; return this; }
        public Builder pathMaxRetrans(int v) { pathMaxRetrans = v; return this; }
        public Builder maxInitRetransmits(int v) { maxInitRetransmits = v; return this; }
        public Builder validCookieLife(Duration v) { validCookieLife = v; return this; }
        public Builder heartbeatInterval(Duration v) { heartbeatInterval = v; return this; }
        public Builder sackDelay(Duration v) { sackDelay = v; return this; }

        public SctpConfig build() {
            return new SctpConfig(outboundStreams, maxInboundStreams, sendBufferBytes, receiveBufferBytes,
                    maxMessageBytes, pathMtu, rtoInitial, rtoMin, rtoMax, maxBurst, associationMaxRetrans,
                    pathMaxRetrans, maxInitRetransmits, validCookieLife, heartbeatInterval, sackDelay);
        }
    }
}
