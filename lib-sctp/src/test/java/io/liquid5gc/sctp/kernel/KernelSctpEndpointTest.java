package io.liquid5gc.sctp.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kernel SCTP through com.sun.nio.sctp; skipped (with the reason) where the kernel has no SCTP. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelSctpEndpointTest {

    @BeforeEach
    void requireKernelSctp() {
        String why = KernelSctpEndpoint.unsupportedReason();
        Assumptions.assumeTrue(why == null, "kernel SCTP unavailable: " + why);
    }

    static final class Collect implements AssociationHandler {
        final BlockingQueue<SctpMessage> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<AssociationEvent> events = new LinkedBlockingQueue<>();
        final boolean echo;

        Collect(boolean echo) {
            this.echo = echo;
        }

        @Override
        public void onMessage(Association a, SctpMessage m) {
            if (echo) {
                a.trySend(m);
            }
            messages.add(m);
        }

        @Override
        public void onEvent(Association a, AssociationEvent e) {
            events.add(e);
        }
    }

    @Test
    void whenClientConnectsOverKernelSctp_thenMessagesEchoAndShutdownCompletes() throws Exception {
        Collect server = new Collect(true);
        Collect client = new Collect(false);
        SctpConfig cfg = SctpConfig.defaults();
        try (KernelSctpEndpoint s = KernelSctpEndpoint.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), cfg, server);
                KernelSctpEndpoint c = KernelSctpEndpoint.start(null, cfg, client)) {
            int port = s.localAddress().getPort();
            Association a = c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), port)
                    .get(5, TimeUnit.SECONDS);
            byte[] big = new byte[64 * 1024];
            assertThat(a.trySend(SctpMessage.ngap(1, "hi".getBytes()))).isTrue();
            assertThat(a.trySend(SctpMessage.ngap(2, big))).isTrue();
            SctpMessage m1 = client.messages.poll(5, TimeUnit.SECONDS);
            SctpMessage m2 = client.messages.poll(5, TimeUnit.SECONDS);
            assertThat(m1.payload()).isEqualTo("hi".getBytes());
            assertThat(m1.ppid()).isEqualTo(60);
            assertThat(m2.payload()).hasSize(big.length);
            a.shutdown();
            AssociationEvent e;
            do {
                e = client.events.poll(5, TimeUnit.SECONDS);
            } while (e != null && !(e instanceof AssociationEvent.ShutdownComplete));
            assertThat(e).isInstanceOf(AssociationEvent.ShutdownComplete.class);
        }
    }
}
