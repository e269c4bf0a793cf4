package io.liquid5gc.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded pool of {@code liquid5gc.serve.threads=platform}: never more threads than its limit, named, daemon, closed. */
class PlatformFunctionThreadsTest {

    @Test
    void whenMoreTasksThanTheLimitAreGiven_thenTheExtraWaitForAThreadAndNoneIsStartedForThem() throws Exception {
        int limit = 3;
        PlatformFunctionThreads pool = new PlatformFunctionThreads(limit);
        CountDownLatch allRunning = new CountDownLatch(limit);
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch extraRan = new CountDownLatch(2);
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < limit; i++) {
                pool.execute(() -> {
                    ranOn.add(Thread.currentThread());
                    allRunning.countDown();
                    await(finish);
                });
            }
            assertThat(allRunning.await(120, TimeUnit.SECONDS)).isTrue();
            pool.execute(() -> {
                ranOn.add(Thread.currentThread());
                extraRan.countDown();
            });
            pool.execute(extraRan::countDown);
            assertThat(pool.threads()).isEqualTo(limit);
            assertThat(extraRan.getCount()).as("queued while every thread is busy").isEqualTo(2);

            finish.countDown();
            assertThat(extraRan.await(120, TimeUnit.SECONDS)).isTrue();
            assertThat(pool.threads()).isLessThanOrEqualTo(limit);
            assertThat(ranOn).hasSize(limit).allSatisfy(t -> {
                assertThat(t.isDaemon()).isTrue();
                assertThat(t.isVirtual()).isFalse();
                assertThat(t.getName()).startsWith(pool.namePrefix()).startsWith("function-");
            });
        } finally {
            finish.countDown();
            pool.close();
        }
        assertThat(pool.threads()).isZero();
        for (Thread t : ranOn) {
            t.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(t.isAlive()).as(t.getName()).isFalse();
        }
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void whenClosedWhileTasksRunAndWait_thenCloseReturnsOnceTheyHaveAllRun() throws Exception {
        PlatformFunctionThreads pool = new PlatformFunctionThreads(1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> done = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        pool.execute(() -> {
            running.countDown();
            await(finish);
            done.add("first");
        });
        assertThat(running.await(120, TimeUnit.SECONDS)).isTrue();
        pool.execute(() -> done.add("queued"));
        Thread closer = Thread.ofPlatform().start(pool::close);
        closer.join(200);
        assertThat(closer.isAlive()).as("close waits for the running task").isTrue();
        finish.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(120));
        assertThat(closer.isAlive()).isFalse();
        assertThat(done).containsExactly("first", "queued");
        assertThat(pool.threads()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
