package io.liquid5gc.proxy.ue;

import io.liquid5gc.proxy.overload.WorkMeter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one key (a UE) one after the other and different keys concurrently, on the given executor
 * (virtual threads): the messages of a UE are processed in order, and a slow function call for one UE never holds
 * up another or the transport thread.
 */
final class SerialExecutor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor executor;
    private final Map<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private volatile WorkMeter meter = WorkMeter.NONE;

    SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    /** Hears of each task submitted and how long it took from submission to its end (overload control). */
    void meter(WorkMeter meter) {
        this.meter = meter;
    }

    void submit(long key, Runnable task) {
        WorkMeter m = meter;
        long submitted = System.nanoTime();
        m.workSubmitted();
        tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.thenRunAsync(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("UE {}: task failed", k, e);
                } finally {
                    m.workDone(System.nanoTime() - submitted);
                }
            }, executor);
            next.whenComplete((v, e) -> tails.remove(k, next));
            return next;
        });
    }

    int active() {
        return tails.size();
    }
}
