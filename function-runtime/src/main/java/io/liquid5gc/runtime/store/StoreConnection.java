package io.liquid5gc.runtime.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis or etcd store as the functions see it: waited for, watched and reconnected by itself, never a reason for the
 * process to exit.
 *
 * <ul>
 *   <li>{@link #start()} makes the first attempt on the caller's thread (a bad URL or a refused password fails the
 *       start at once: a configuration error, not an outage); a server that does not answer
 *       ({@link StoreUnavailableException}) is retried in the background with capped exponential backoff (0.2 s
 *       doubling to 5 s), for ever unless {@code liquid5gc.store.start-timeout} is set;
 *   <li>while it is not {@link State#UP}, readiness is DOWN ({@link StoreHealthIndicator}) and every call fails at once
 *       with a {@link StoreUnavailableException} (a function answers 503 with Retry-After), instead of waiting for the
 *       client's timeout;
 *   <li>a call that meets an outage marks the store {@link State#LOST}; so does the check every
 *       {@code liquid5gc.store.check-interval} (a {@link KeyValueStore#ping}); the clients reconnect by themselves
 *       (Lettuce, gRPC) and the store is UP again at the first ping that answers;
 *   <li>work that needs the store once it answers ({@link #onConnected}: the UDR's key check, the default subscribers)
 *       runs after each (re)connection until it has succeeded once, while the state is {@link State#STARTING}.
 * </ul>
 * Giving up (a configuration error found in the background, a task that fails, the start timeout) is {@link State#FAILED}:
 * the {@code onGiveUp} callback reports the process broken (liveness DOWN), so an orchestrator restarts it.
 */
public final class StoreConnection implements KeyValueStore {

    private static final Logger log = LoggerFactory.getLogger(StoreConnection.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** A WARN for the first failed attempt and then one every this many, so a long outage does not flood the log. */
    private static final int WARN_EVERY = 12;

    /** Where the connection is. */
    public enum State {
        /** Never connected yet: calls fail at once, attempts with backoff. */
        CONNECTING(false),
        /** Connected, running the work that waited for it: calls are served, readiness still DOWN. */
        STARTING(true),
        /** Connected and answering: readiness UP. */
        UP(true),
        /** Was connected, does not answer now: calls fail at once, pings with backoff until it answers. */
        LOST(false),
        /** Given up: a configuration error, a failed start task or the start timeout. */
        FAILED(false);

        private final boolean serves;

        State(boolean serves) {
            this.serves = serves;
        }

        /** Whether calls go to the server in this state. */
        public boolean serves() {
            return serves;
        }
    }

    /** What can happen to a connection. */
    enum Event { CONNECTED, TASKS_DONE, UNAVAILABLE, REFUSED, GAVE_UP }

    /** The transition table; an event not listed for a state leaves it unchanged. */
    static State next(State s, Event e) {
        return switch (s) {
            case CONNECTING -> switch (e) {
                case CONNECTED -> State.STARTING;
                case REFUSED, GAVE_UP -> State.FAILED;
                default -> s;
            };
            case STARTING -> switch (e) {
                case TASKS_DONE -> State.UP;
                case UNAVAILABLE -> State.LOST;
                case REFUSED -> State.FAILED;
                default -> s;
            };
            case UP -> e == Event.UNAVAILABLE ? State.LOST : s;
            case LOST -> e == Event.CONNECTED ? State.STARTING : s;
            case FAILED -> s;
        };
    }

    /**
     * A connection's state for health and logs.
     *
     * @param purpose        "state" or "registry"
     * @param state          where it is
     * @param store          the server (URL without credentials, or the etcd endpoints) and key namespace
     * @param since          when it entered this state
     * @param lastError      why the last attempt or call failed (null when none since it was UP)
     * @param failedAttempts attempts or pings failed in a row
     */
    public record Status(String purpose, State state, String store, Instant since, String lastError, int failedAttempts) {
    }

    private record Task(String what, Runnable work) {
    }

    private final String purpose;
    private final String name;
    private final String where;
    private final Supplier<KeyValueStore> connector;
    private final Duration startTimeout;
    private final Duration checkInterval;
    private final Clock clock;
    private final Consumer<Status> onGiveUp;
    private final Instant created;
    private final Object lock = new Object();
    private final Deque<Task> tasks = new ArrayDeque<>();
    private final Semaphore wake = new Semaphore(0);

    private volatile KeyValueStore backend;
    private volatile State state = State.CONNECTING;
    private volatile Instant since;
    private volatile String lastError;
    private volatile int failedAttempts;
    private volatile boolean closed;
    private RuntimeException failure;
    private Duration backoff = FIRST_BACKOFF;
    private Thread supervisor;
    private boolean inStart;

    /**
     * @param purpose       "state" or "registry"
     * @param where         the server as logs may show it (no password), until the store describes itself
     * @param connector     one connection attempt ({@link KeyValueStoreFactory#create}); throws
     *                      {@link StoreUnavailableException} for "no answer", any other exception for "refused"
     * @param startTimeout  how long to wait for the first connection before giving up; zero: for ever
     * @param checkInterval how often a connected store is pinged
     * @param onGiveUp      told once when the connection gives up
     */
    public StoreConnection(String purpose, String type, String where, Supplier<KeyValueStore> connector, Duration startTimeout,
                           Duration checkInterval, Clock clock, Consumer<Status> onGiveUp) {
        this.purpose = purpose;
        this.name = purpose + " store (" + type + ")";
        this.where = where;
        this.connector = connector;
        this.startTimeout = startTimeout;
        this.checkInterval = checkInterval;
        this.clock = clock;
        this.onGiveUp = onGiveUp;
        this.created = clock.instant();
        this.since = created;
    }

    /**
     * The first attempt, here; then the background supervisor (further attempts, pings, reconnection).
     *
     * @throws StoreException when the first attempt finds a configuration error (invalid URL, refused credentials)
     */
    public StoreConnection start() {
        inStart = true;
        Duration wait;
        try {
            wait = step();
        } finally {
            inStart = false;
        }
        if (state == State.FAILED) {
            throw failure;
        }
        supervisor = Thread.ofVirtual().name("liquid5gc-store-" + purpose).start(() -> supervise(wait));
        return this;
    }

    private void supervise(Duration first) {
        Duration wait = first;
        while (!closed && wait != null) {
            try {
                if (wake.tryAcquire(Math.max(1, wait.toNanos()), TimeUnit.NANOSECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                wait = step();
            } catch (RuntimeException e) { // never let the supervisor die: a store nobody watches would stay LOST
                log.error("{}: supervisor step failed", name, e);
                wait = MAX_BACKOFF;
            }
        }
    }

    /** One round of the supervisor: returns how long to wait before the next, null when there is none (FAILED). */
    Duration step() {
        return switch (state) {
            case CONNECTING -> connect();
            case STARTING -> runTasks();
            case UP, LOST -> probe();
            case FAILED -> null;
        };
    }

    public State state() {
        return state;
    }

    public Status status() {
        return new Status(purpose, state, describe(), since, lastError, failedAttempts);
    }

    /**
     * Runs {@code work} once the store answers: now when it is UP (on this thread: a failure that is not an outage is
     * thrown to the caller, so a start-time check still fails the start), else after the next connection, before the
     * store is reported UP. An outage during the work runs it again after the reconnection.
     */
    @Override
    public void onConnected(String what, Runnable work) {
        Task task = new Task(what, work);
        synchronized (lock) {
            if (state != State.UP) {
                tasks.addLast(task);
                wake.release();
                return;
            }
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            StoreUnavailableException outage = StoreUnavailableException.in(e);
            if (outage == null) {
                throw e;
            }
            synchronized (lock) {
                tasks.addFirst(task);
            }
            lost(outage);
        }
    }

    // ---- the supervisor's steps ----

    private Duration connect() {
        KeyValueStore connected;
        try {
            connected = connector.get();
        } catch (StoreUnavailableException e) {
            return attemptFailed(e.getMessage(), e);
        } catch (RuntimeException e) {
            failure = e;
            giveUp(Event.REFUSED, String.valueOf(e.getMessage()));
            return null;
        }
        backend = connected;
        if (failedAttempts > 0) {
            log.info("{} connected after {} attempts: {}", name, failedAttempts + 1, connected.describe());
        }
        move(Event.CONNECTED, null);
        return runTasks();
    }

    private Duration runTasks() {
        while (true) {
            Task task;
            synchronized (lock) {
                task = tasks.peekFirst();
                if (task == null) {
                    if (state == State.STARTING) {
                        move(Event.TASKS_DONE, null);
                        failedAttempts = 0;
                        backoff = FIRST_BACKOFF;
                    }
                    return checkInterval;
                }
            }
            try {
                task.work().run();
                synchronized (lock) {
                    tasks.remove(task);
                }
            } catch (RuntimeException e) {
                StoreUnavailableException outage = StoreUnavailableException.in(e);
                if (outage != null) {
                    lost(outage);
                    return nextBackoff();
                }
                failure = e;
                giveUp(Event.REFUSED, task.what() + " failed: " + e.getMessage());
                return null;
            }
        }
    }

    private Duration probe() {
        KeyValueStore b = backend;
        try {
            b.ping();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            synchronized (lock) {
                if (state.serves()) {
                    log.warn("{} does not answer: {}; calls fail with 503 until it does", name, message);
                    move(Event.UNAVAILABLE, message);
                    return nextBackoff();
                }
            }
            return attemptFailed(message, e);
        }
        if (state == State.LOST) {
            log.info("{} answers again after {} failed pings: {}", name, failedAttempts, b.describe());
            move(Event.CONNECTED, null);
            return runTasks();
        }
        return checkInterval;
    }

    /** A connection attempt or a ping of a lost store failed: wait, unless the start timeout has passed. */
    private Duration attemptFailed(String message, RuntimeException e) {
        int attempt = ++failedAttempts;
        lastError = message;
        if (state == State.CONNECTING && !startTimeout.isZero()) {
            Duration waited = Duration.between(created, clock.instant());
            if (waited.plus(backoff).compareTo(startTimeout) > 0) {
                failure = new StoreUnavailableException(message + " (waited " + waited.toSeconds() + " s, " + attempt
                        + " attempts; liquid5gc.store.start-timeout=" + startTimeout.toSeconds() + "s)", e);
                giveUp(Event.GAVE_UP, failure.getMessage());
                return null;
            }
        }
        Duration wait = nextBackoff();
        if (attempt == 1 || attempt % WARN_EVERY == 0) {
            log.warn("{}: {}; waiting for it (attempt {}, next in {} ms{}); readiness is DOWN meanwhile", name, message, attempt,
                    wait.toMillis(), startTimeout.isZero() ? "" : ", liquid5gc.store.start-timeout=" + startTimeout.toSeconds() + "s");
        }
        return wait;
    }

    private Duration nextBackoff() {
        Duration wait = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        return wait;
    }

    private void giveUp(Event event, String message) {
        move(event, message);
        log.error("{} gave up: {}", name, message);
        if (!inStart) { // the first attempt, in start(), throws instead
            onGiveUp.accept(status());
        }
    }

    private void move(Event event, String error) {
        synchronized (lock) {
            State to = next(state, event);
            if (error != null) {
                lastError = error;
            } else if (to == State.UP) {
                lastError = null;
            }
            if (to != state) {
                state = to;
                since = clock.instant();
            }
        }
    }

    /** A call met an outage: fail the next ones at once and let the supervisor find out when the store is back. */
    private void lost(StoreUnavailableException e) {
        synchronized (lock) {
            if (!state.serves()) {
                return;
            }
            log.warn("{} lost: {}; calls fail with 503 until it answers again", name, e.getMessage());
            move(Event.UNAVAILABLE, e.getMessage());
        }
        wake.release();
    }

    // ---- the store ----

    private KeyValueStore serving() {
        KeyValueStore b = backend;
        State s = state;
        if (b != null && s.serves()) {
            return b;
        }
        String why = lastError == null ? "" : ": " + lastError;
        if (s == State.FAILED) {
            throw new StoreException(name + " gave up" + why);
        }
        throw new StoreUnavailableException(name + (s == State.LOST ? " does not answer (since " : " not connected yet (since ")
                + since + ")" + why, null);
    }

    private <T> T call(Function<KeyValueStore, T> op) {
        KeyValueStore b = serving();
        try {
            return op.apply(b);
        } catch (StoreUnavailableException e) {
            lost(e);
            throw e;
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        return call(b -> b.get(key));
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        call(b -> {
            b.put(key, value, ttl);
            return null;
        });
    }

    @Override
    public boolean compareAndSet(String key, byte[] expected, byte[] value, Duration ttl) {
        return call(b -> b.compareAndSet(key, expected, value, ttl));
    }

    @Override
    public Optional<byte[]> update(String key, UnaryOperator<Optional<byte[]>> function, Duration ttl) {
        return call(b -> b.update(key, function, ttl));
    }

    @Override
    public boolean delete(String key) {
        return call(b -> b.delete(key));
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix, int limit) {
        return call(b -> b.scan(prefix, limit));
    }

    @Override
    public long increment(String key, long delta) {
        return call(b -> b.increment(key, delta));
    }

    @Override
    public MarkedCount countMarked(String counter, long delta, Long limit, String marker, byte[] expected, byte[] value) {
        return call(b -> b.countMarked(counter, delta, limit, marker, expected, value));
    }

    @Override
    public void ping() {
        call(b -> {
            b.ping();
            return null;
        });
    }

    @Override
    public String describe() {
        KeyValueStore b = backend;
        return b != null ? b.describe() : where;
    }

    @Override
    public void close() {
        closed = true;
        wake.release();
        KeyValueStore b = backend;
        if (b != null) {
            b.close();
        }
    }
}
