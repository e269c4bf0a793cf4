package io.liquid5gc.runtime.invoke;

import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform threads functions run on with {@code liquid5gc.serve.threads=platform}: at most {@code limit} of them
 * (the endpoint's {@code liquid5gc.serve.max-concurrency}), each started when a call finds no idle one and ended after
 * {@link #IDLE} without work; daemon threads named {@code function-<pool>-<n>}. The endpoint admits a call (takes one of
 * its {@code limit} permits) before handing it here, so a call beyond the limit is refused on the event loop and costs
 * no thread; a call admitted while all {@code limit} threads exist waits in the queue only for the thread whose call
 * has just given its permit back and is on its way to take the next.
 *
 * <p>{@link #close()} takes no more work, lets the calls running and queued end, and returns when every thread has
 * ended (as {@link java.util.concurrent.ExecutorService#close()}).
 */
final class PlatformFunctionThreads implements Executor, AutoCloseable {

    static final Duration IDLE = Duration.ofSeconds(60);
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Put once per thread by {@link #close()}: the thread that takes it ends. */
    private static final Runnable END = () -> {
    };

    private final int limit;
    private final String namePrefix;
    private final LinkedTransferQueue<Runnable> work = new LinkedTransferQueue<>();
    private final Object lock = new Object();
    private final Set<Thread> threads = new HashSet<>(); // guarded by lock
    private int started; // guarded by lock
    private volatile boolean closed;

    PlatformFunctionThreads(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("liquid5gc.serve.max-concurrency must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.namePrefix = "function-" + POOLS.incrementAndGet() + "-";
    }

    /** What the names of this pool's threads start with. */
    String namePrefix() {
        return namePrefix;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (!closed && work.tryTransfer(task)) {
            return; // an idle thread was waiting for it
        }
        synchronized (lock) {
            if (closed) {
                throw new RejectedExecutionException("the function endpoint is closed");
            }
            if (threads.size() < limit) {
                Thread t = Thread.ofPlatform().name(namePrefix + started++).daemon(true).unstarted(() -> run(task));
                threads.add(t);
                t.start();
            } else {
                work.add(task); // all limit threads exist: one is between calls (see the class comment)
            }
        }
    }

    private void run(Runnable first) {
        try {
            Runnable task = first;
            while (task != END) {
                try {
                    task.run();
                } catch (Throwable e) {
                    Thread t = Thread.currentThread();
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
                task = next();
            }
        } finally {
            synchronized (lock) {
                threads.remove(Thread.currentThread());
                lock.notifyAll();
            }
        }
    }

    /** The next task, or {@link #END} when none came for {@link #IDLE} (this thread then no longer counts). */
    private Runnable next() {
        Runnable task = null;
        Thread.interrupted(); // an interrupt the last call left is not for the next
        try {
            task = work.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // an interrupted close(): its END is in the queue
        }
        if (task != null) {
            return task;
        }
        synchronized (lock) { // under the lock: execute() either saw this thread counted or queues no task for it
            task = work.poll();
            if (task == null) {
                threads.remove(Thread.currentThread());
                return END;
            }
            return task;
        }
    }

    /** The threads alive now (for the tests). */
    int threads() {
        synchronized (lock) {
            return threads.size();
        }
    }

    @Override
    public void close() {
        boolean interrupted = false;
        synchronized (lock) {
            if (!closed) {
                closed = true;
                for (int i = 0; i < threads.size(); i++) {
                    work.add(END);
                }
            }
            while (!threads.isEmpty()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    if (!interrupted) { // as ExecutorService.close(): interrupt the calls, keep waiting for them
                        interrupted = true;
                        threads.forEach(Thread::interrupt);
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
