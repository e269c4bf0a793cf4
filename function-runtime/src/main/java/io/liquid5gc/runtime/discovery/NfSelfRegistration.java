package io.liquid5gc.runtime.discovery;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NrfApi;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Registers each NF deployed in this process in the NRF once the HTTP server listens (TS 29.510 5.2.2.2
 * NFRegister), one NF instance id per NF per process, then heart-beats by registering again every half
 * heart-beat timer. All of it runs on its own thread: an NRF that does not answer delays nothing and stops nothing;
 * a failed registration or heart-beat is tried again after a backoff (0.2 s doubling to 5 s, at most the heart-beat
 * period) until the NRF answers. Readiness does not wait for it (the NF serves whoever knows its URL; callers that
 * find it through the NRF see it once it is registered); the health contributor {@code nrfRegistration} shows it.
 * On shutdown it marks the instances UNDISCOVERABLE so callers stop picking them at once.
 * The instance id is this process's ({@code liquid5gc.security.nf-instance-id}, the subject of its access tokens:
 * the NRF accepts a registration only for the instance and NF type the caller's token names), and each NF is
 * registered as itself (its own token).
 */
public final class NfSelfRegistration implements ApplicationListener<WebServerInitializedEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NfSelfRegistration.class);

    private final FunctionClient client;
    private final FunctionDispatcher dispatcher;
    private final RegistrationProperties properties;
    private final Map<NfType, String> instanceIds = new LinkedHashMap<>();
    private ScheduledExecutorService heartBeats;
    private volatile URI advertised;
    private volatile boolean running;
    private volatile boolean registered;
    private volatile String lastError = "not registered yet";
    private int failedRounds;
    private long backoffMillis = FIRST_BACKOFF_MILLIS;
    static final long FIRST_BACKOFF_MILLIS = 200;
    static final long MAX_BACKOFF_MILLIS = 5_000;

    private final String instanceId;
    private final boolean enabled;

    public NfSelfRegistration(FunctionClient client, FunctionDispatcher dispatcher, RegistrationProperties properties) {
        this(client, dispatcher, properties, UUID.randomUUID().toString());
    }

    public NfSelfRegistration(FunctionClient client, FunctionDispatcher dispatcher, RegistrationProperties properties,
                              String instanceId) {
        this(client, dispatcher, properties, instanceId, true);
    }

    /** @param enabled false: this process does not register (the bean exists, does nothing) */
    public NfSelfRegistration(FunctionClient client, FunctionDispatcher dispatcher, RegistrationProperties properties,
                              String instanceId, boolean enabled) {
        this.enabled = enabled;
        this.instanceId = instanceId;
        this.client = client;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!enabled) {
            return;
        }
        if (event.getApplicationContext().getParent() != null && advertised != null) {
            return; // the management server of a child context
        }
        advertised = URI.create(properties.advertisedUrl() != null ? properties.advertisedUrl()
                : "http://" + hostName() + ":" + event.getWebServer().getPort());
        for (String function : dispatcher.deployed()) {
            NfType nf = Functions.byName(function).orElseThrow().nf();
            if (nf != NfType.NRF) {
                instanceIds.computeIfAbsent(nf, k -> instanceId);
            }
        }
        heartBeats = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("nrf-heartbeat").factory());
        running = true;
        heartBeats.execute(this::registerRound); // off the start-up thread: an NRF that does not answer delays nothing
    }

    /** The NF instance ids this process registered, by NF. */
    public Map<NfType, String> instanceIds() {
        return Map.copyOf(instanceIds);
    }

    /** Whether the last registration (or heart-beat) of every NF of this process succeeded. */
    public boolean registered() {
        return registered;
    }

    /** Why the last registration failed, null when it did not. */
    public String lastError() {
        return lastError;
    }

    /** Registers every NF, then schedules the next round: half a heart-beat later, or after the backoff when it failed. */
    private void registerRound() {
        if (!running) {
            return;
        }
        long period = Math.max(1, properties.heartBeatTimer().toMillis() / 2);
        long next;
        if (registerAll("REGISTERED")) {
            if (failedRounds > 0) {
                log.info("registered {} in the NRF after {} failed attempts", instanceIds.keySet(), failedRounds);
            }
            failedRounds = 0;
            backoffMillis = FIRST_BACKOFF_MILLIS;
            next = period;
        } else {
            failedRounds++;
            next = Math.min(backoffMillis, period);
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
            if (failedRounds == 1 || failedRounds % 12 == 0) {
                log.warn("NRF registration of {} failed ({} in a row): {}; retrying in {} ms", instanceIds.keySet(), failedRounds,
                        lastError, next);
            }
        }
        try {
            heartBeats.schedule(this::registerRound, next, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // stop() shut the executor down
        }
    }

    /** True when every NF was registered with the status. */
    private boolean registerAll(String status) {
        boolean all = true;
        for (Map.Entry<NfType, String> e : instanceIds.entrySet()) {
            NfProfile profile = new NfProfile(e.getValue(), e.getKey().name(), status, (int) properties.heartBeatTimer().toSeconds(),
                    List.of(), List.of(), advertised.getHost(), List.of(),
                    List.of(new NfProfile.NfService("functions", "liquid5gc-functions", advertised.getScheme(), advertised.toString())),
                    null);
            try {
                Caller.callAs(Caller.ofFunction(ConsumerType.of(e.getKey())), () -> client.call(NrfApi.REGISTER, profile));
            } catch (RuntimeException ex) { // whatever it is, the heart-beats must go on
                all = false;
                lastError = e.getKey().key() + " (" + e.getValue() + "): " + ex.getMessage();
                log.debug("NRF registration of {} failed", lastError);
            }
        }
        registered = all;
        if (all) {
            lastError = null;
            log.debug("registered {} in the NRF as {} at {}", instanceIds.keySet(), status, advertised);
        }
        return all;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    @Override
    public void start() {
        // registration starts when the web server is up (onApplicationEvent)
    }

    @Override
    public void stop() {
        if (running) {
            running = false;
            heartBeats.shutdownNow();
            registerAll("UNDISCOVERABLE");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1; // stop early, while the client still works
    }
}
