package io.liquid5gc.evaluation.replay;

import io.liquid5gc.evaluation.load.LoadDriver;
import io.liquid5gc.evaluation.load.UeSample;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Each arrival: a UE of the population (IMSI ...{@code first} onwards) not in a cycle registers, opens PDU sessions, de-registers. */
final class UeWorkload implements Workload {

    private final LoadDriver driver;
    private final int sessions;
    private final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>();

    UeWorkload(LoadDriver driver, int first, int ues, int sessions) {
        this.driver = driver;
        this.sessions = sessions;
        for (int i = 0; i < ues; i++) {
            free.add(first + i);
        }
    }

    @Override
    public Optional<CompletableFuture<UeSample>> start(long startedMillis) {
        Integer msin = free.poll();
        if (msin == null) {
            return Optional.empty();
        }
        return Optional.of(driver.startCycle(msin, sessions, startedMillis).whenComplete((s, e) -> free.add(msin)));
    }
}
