package io.liquid5gc.benchmarks.sctp;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.udp.UdpSctpEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Userspace SCTP over UDP between two endpoints on loopback, 200-byte messages (NGAP-sized).
 * {@code throughput}: one-way messages/s with the sender kept ahead by the bounded send buffer.
 * {@code roundTrip}: request/echo latency distribution (SampleTime gives p50/p99).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar sctp -f 1 -wi 2 -i 3 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@Fork(1)
public class SctpUdpBenchmark {
    static final int BATCH = 256;
    static final byte[] PAYLOAD = new byte[200];

    UdpSctpEndpoint server;
    UdpSctpEndpoint client;
    Association association;
    final AtomicLong received = new AtomicLong();
    volatile long target = Long.MAX_VALUE;
    volatile Thread waiter;
    volatile boolean echoed;
    final SctpMessage oneWay = SctpMessage.ngap(0, PAYLOAD);
    final SctpMessage request = SctpMessage.ngap(1, PAYLOAD);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        server = UdpSctpEndpoint.builder().bind(any).sctpPort(38412).listen(true).handler(new AssociationHandler() {
            @Override
            public void onMessage(Association a, SctpMessage m) {
                if (m.streamId() == 1) {
                    a.trySend(m); // echo
                } else if (received.incrementAndGet() >= target) {
                    LockSupport.unpark(waiter);
                }
            }
        }).start();
        client = UdpSctpEndpoint.builder().bind(any).sctpPort(40000).handler((a, m) -> {
            echoed = true;
            LockSupport.unpark(waiter);
        }).start();
        association = client.connect(server.localAddress(), 38412).get(5, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public long throughput() {
        waiter = Thread.currentThread();
        long goal = received.get() + BATCH;
        target = goal;
        for (int i = 0; i < BATCH; i++) {
            while (!association.trySend(oneWay)) {
                LockSupport.parkNanos(20_000); // back-pressure: bounded send buffer is full
            }
        }
        while (received.get() < goal) {
            LockSupport.parkNanos(50_000);
        }
        return goal;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean roundTrip() {
        waiter = Thread.currentThread();
        echoed = false;
        association.trySend(request);
        while (!echoed) {
            LockSupport.parkNanos(100_000);
        }
        return echoed;
    }
}
