package io.liquid5gc.ransim;

import io.liquid5gc.gtpu.GtpuCodec;
import io.liquid5gc.gtpu.Icmp;
import io.liquid5gc.ngap.ie.GtpTunnel;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pings from a UE's PDU session address through the UPF (ICMP echo, RFC 792): each request goes in a G-PDU in the
 * UPF's uplink tunnel from the gNB's N3 side, each reply comes back in the gNB's downlink tunnel. Needs a gNB with
 * {@link SimGnb#attachUserPlane} and an established session.
 */
public final class UserPlanePing {
    private UserPlanePing() {
    }

    /** How many were sent and answered, and the round-trip times of the answered ones in order. */
    public record Result(int sent, int received, List<Duration> rtts) {
        public double lossPercent() {
            return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        }

        /** The p-th percentile (0-100) of the RTTs, nearest rank, or null without answers. */
        public Duration percentile(double p) {
            if (rtts.isEmpty()) {
                return null;
            }
            List<Duration> sorted = new ArrayList<>(rtts);
            sorted.sort(null);
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }
    }

    /** Sends {@code count} echo requests to {@code destination}, {@code interval} apart, and waits up to {@code timeout} for the last. */
    public static Result ping(SimGnb gnb, SimUe ue, int pduSessionId, Inet4Address destination, int count, Duration interval,
                              Duration timeout) throws IOException, InterruptedException {
        GnbUserPlane up = gnb.userPlane();
        SimUe.Session session = ue.sessions().get(pduSessionId);
        GtpTunnel ul = gnb.uplinkTunnel(ue, pduSessionId);
        GtpTunnel dl = gnb.downlinkTunnel(ue, pduSessionId);
        if (up == null || session == null || !session.established() || ul == null || dl == null) {
            throw new IllegalStateException("no user plane for PDU session " + pduSessionId + " of " + ue.supi()
                    + (up == null ? ": the gNB has no N3 side (attachUserPlane)" : ""));
        }
        Inet4Address source = (Inet4Address) InetAddress.getByName(session.address());
        InetSocketAddress upf = new InetSocketAddress(ul.address().toInetAddress(), GtpuCodec.PORT);
        int id = ThreadLocalRandom.current().nextInt(1, 0xFFFF);
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        List<Duration> rtts = new CopyOnWriteArrayList<>();
        gnb.onDownlink(ue, pduSessionId, packet -> {
            int seq = Icmp.echoReplySequence(packet, id);
            Long t0 = seq < 0 ? null : sentAt.remove(seq);
            if (t0 != null) {
                rtts.add(Duration.ofNanos(System.nanoTime() - t0));
            }
        });
        try {
            for (int seq = 1; seq <= count; seq++) {
                sentAt.put(seq, System.nanoTime());
                up.sendUplink(upf, Integer.toUnsignedLong(ul.teid()), session.qfi(), Icmp.echoRequest(source, destination, id, seq));
                if (seq < count) {
                    Thread.sleep(interval);
                }
            }
            long until = System.nanoTime() + timeout.toNanos();
            while (!sentAt.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        } finally {
            gnb.onDownlink(ue, pduSessionId, null);
        }
        return new Result(count, rtts.size(), List.copyOf(rtts));
    }
}
