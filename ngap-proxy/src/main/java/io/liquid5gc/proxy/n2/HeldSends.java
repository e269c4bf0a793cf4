package io.liquid5gc.proxy.n2;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Write-ahead for UE state: while a UE's event is processed, what it sends to the RAN is held until its state has
 * been written to the store, so that no gNB or UE can answer a message whose state another proxy could not read yet.
 * A gNB with several TNL associations moves a UE to another proxy at any moment (association lost, AMF STATUS
 * INDICATION, TS 23.501 5.21.2); that proxy takes the UE up from the store, and must find at least the state that
 * produced the last message the UE saw (its NAS COUNTs, the procedure waiting for its answer). A proxy that dies after
 * the write and before the send leaves a state one step ahead, which costs the UE a retransmission, never a replay.
 */
public final class HeldSends {

    private static final ScopedValue<List<Runnable>> HELD = ScopedValue.newInstance();

    private HeldSends() {
    }

    /**
     * Runs {@code work} with the sends of this thread to the RAN held, then {@code beforeSending} with its result (the
     * state write), then the held sends in their order, even when either failed. Nested: joins the outer hold.
     */
    public static <T> T holding(Supplier<T> work, Consumer<T> beforeSending) {
        if (HELD.isBound()) {
            T result = work.get();
            beforeSending.accept(result);
            return result;
        }
        List<Runnable> held = new ArrayList<>();
        try {
            return ScopedValue.where(HELD, held).call(() -> {
                T result = work.get();
                beforeSending.accept(result);
                return result;
            });
        } finally {
            held.forEach(Runnable::run);
        }
    }

    /** Sends now, or holds the send when this thread is in {@link #holding}. */
    static void sendOrHold(Runnable send) {
        if (HELD.isBound()) {
            HELD.get().add(send);
        } else {
            send.run();
        }
    }
}
