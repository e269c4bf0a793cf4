package io.liquid5gc.proxy.overload;

/**
 * Hears of every task the proxy runs for a UE (an N2 message of the UE, a NAS timer's expiry): when it is submitted and,
 * when it has run, how long it took from submission (queueing behind the UE's earlier tasks and for a carrier thread,
 * then the work itself: AMF calls, store reads and writes, the answer to the gNB). {@link OverloadControl} keeps the
 * latency of this work within the admission target.
 */
public interface WorkMeter {

    WorkMeter NONE = new WorkMeter() {
        @Override
        public void workSubmitted() {
        }

        @Override
        public void workDone(long nanos) {
        }
    };

    void workSubmitted();

    void workDone(long nanos);
}
