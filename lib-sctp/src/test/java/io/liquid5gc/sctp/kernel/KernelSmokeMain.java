package io.liquid5gc.sctp.kernel;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Exercises {@link KernelSctpEndpoint} on a kernel with SCTP (run inside the UML guest by
 * KernelEndpointInUmlTest): echo of small and 64 KiB messages over kernel loopback, many
 * associations, then graceful shutdown and abort. Prints "kernel-smoke: PASS" or the failure.
 */
public final class KernelSmokeMain {
    public static void main(String[] args) throws Exception {
        System.out.println("kernel-smoke: supported=" + KernelSctpEndpoint.isSupported() + " "
                + KernelSctpEndpoint.unsupportedReason());
        BlockingQueue<SctpMessage> got = new LinkedBlockingQueue<>();
        BlockingQueue<AssociationEvent> events = new LinkedBlockingQueue<>();
        AssociationHandler echo = (a, m) -> a.trySend(m);
        AssociationHandler client = new AssociationHandler() {
            @Override
            public void onMessage(Association a, SctpMessage m) {
                got.add(m);
            }

            @Override
            public void onEvent(Association a, AssociationEvent e) {
                events.add(e);
            }
        };
        SctpConfig cfg = SctpConfig.defaults();
        try (KernelSctpEndpoint s = KernelSctpEndpoint.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 38412), cfg, echo);
                KernelSctpEndpoint c = KernelSctpEndpoint.start(null, cfg, client)) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), 38412);
            Association[] as = new Association[5];
            for (int i = 0; i < as.length; i++) {
                as[i] = c.connect(to, 38412).get(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 100 && s.associations().size() < 5; i++) {
                Thread.sleep(50); // the server accepts asynchronously
            }
            check(s.associations().size() == 5, "server sees 5 associations: " + s.associations().size());
            check(as[0].outboundStreams() == 16, "outbound streams " + as[0].outboundStreams());
            byte[] big = new byte[64 * 1024];
            Arrays.fill(big, (byte) 7);
            for (Association a : as) {
                check(a.trySend(SctpMessage.ngap(1, "hello".getBytes())), "trySend");
            }
            check(as[0].trySend(new SctpMessage(2, 60, true, big)), "trySend big");
            int small = 0;
            boolean bigOk = false;
            for (int i = 0; i < 6; i++) {
                SctpMessage m = got.poll(10, TimeUnit.SECONDS);
                check(m != null, "echo " + i + " arrived");
                check(m.ppid() == 60, "ppid 60");
                if (m.payload().length == big.length) {
                    bigOk = Arrays.equals(m.payload(), big) && m.streamId() == 2 && m.unordered();
                } else {
                    small += m.streamId() == 1 && new String(m.payload()).equals("hello") ? 1 : 0;
                }
            }
            check(small == 5 && bigOk, "echoes: small=" + small + " big=" + bigOk);
            as[0].shutdown();
            waitFor(events, AssociationEvent.ShutdownComplete.class);
            as[1].abort("smoke");
            waitFor(events, AssociationEvent.CommunicationLost.class);
            for (int i = 0; i < 100 && s.associations().size() > 3; i++) {
                Thread.sleep(50);
            }
            check(s.associations().size() == 3, "server after shutdown+abort: " + s.associations().size());
        }
        System.out.println("kernel-smoke: PASS");
    }

    static void waitFor(BlockingQueue<AssociationEvent> q, Class<?> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            AssociationEvent e = q.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(e)) {
                System.out.println("kernel-smoke: event " + e);
                return;
            }
        }
        check(false, "no " + type.getSimpleName());
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("kernel-smoke: FAIL " + what);
            System.exit(1);
        }
    }
}
