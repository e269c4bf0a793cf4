package io.liquid5gc.proxy;

import io.liquid5gc.sbi.common.Snssai;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The N2 side of the core ({@code liquid5gc.proxy.*}). The defaults match the UERANSIM configuration in
 * the project's interop setup: PLMN 001/01, TAC 1, slice SST 1 SD 010203.
 *
 * @param enabled             start the N2 endpoint (default true)
 * @param amfName             AMF Name sent in NG Setup Response (TS 38.413 9.3.3.21)
 * @param servedGuamis        the GUAMIs of this AMF set (TS 38.413 9.3.3.3)
 * @param plmnSupport         PLMNs and slices served (TS 38.413 9.3.3.x PLMN Support List)
 * @param tacs                tracking area codes served; a gNB must support at least one
 * @param relativeAmfCapacity TS 38.413 9.3.1.x, 0..255
 * @param timeToWaitSeconds   Time to Wait in NG Setup Failure (1, 2, 5, 10, 20 or 60)
 * @param sctp                transport settings
 * @param nasTimers           the network's NAS retransmission timers (TS 24.501 10.2)
 * @param limits              N2 abuse limits: INIT rate, Initial UE Message rate, gNB allow-lists, PPID 60 only
 * @param amfUnavailable      the back-off a UE is given when an AMF function is unavailable mid-procedure
 */
@ConfigurationProperties("liquid5gc.proxy")
public record ProxyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("liquid5gc-amf") String amfName,
                              List<GuamiConfig> servedGuamis, List<PlmnSupport> plmnSupport, List<Integer> tacs,
                              @DefaultValue("255") int relativeAmfCapacity, @DefaultValue("5") int timeToWaitSeconds,
                              @DefaultValue Sctp sctp, @DefaultValue NasTimers nasTimers, @DefaultValue Limits limits,
                              @DefaultValue AmfUnavailable amfUnavailable) {

    /** The declared defaults: what binding no {@code liquid5gc.proxy.*} property gives. */
    public static ProxyProperties defaults() {
        return bind(Map.of());
    }

    /**
     * These {@code liquid5gc.proxy.*} properties (keys without the prefix, e.g. {@code sctp.udp-port}) over the declared
     * defaults, bound as the application binds them: for a proxy embedded next to another (tests, the all-in-one).
     */
    public static ProxyProperties bind(Map<String, ?> properties) {
        Map<String, Object> prefixed = new LinkedHashMap<>();
        properties.forEach((key, value) -> prefixed.put("liquid5gc.proxy." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("liquid5gc.proxy", ProxyProperties.class);
    }

    /**
     * The scalars' and groups' defaults are declared ({@code @DefaultValue}); the lists' are filled here, because an empty
     * list (a property given without a value) means the default too, and a GUAMI or a slice has no text form to declare.
     */
    public ProxyProperties {
        if (amfName == null || amfName.isBlank()) {
            throw new IllegalArgumentException("liquid5gc.proxy.amf-name must not be blank");
        }
        servedGuamis = servedGuamis == null || servedGuamis.isEmpty() ? List.of(new GuamiConfig("001", "01", 1, 1, 0)) : List.copyOf(servedGuamis);
        plmnSupport = plmnSupport == null || plmnSupport.isEmpty()
                ? List.of(new PlmnSupport("001", "01", List.of(new Snssai(1, "010203")))) : List.copyOf(plmnSupport);
        tacs = tacs == null || tacs.isEmpty() ? List.of(1) : List.copyOf(tacs);
        if (relativeAmfCapacity < 0 || relativeAmfCapacity > 255) {
            throw new IllegalArgumentException("liquid5gc.proxy.relative-amf-capacity must be 0..255");
        }
        if (!List.of(1, 2, 5, 10, 20, 60).contains(timeToWaitSeconds)) {
            throw new IllegalArgumentException("liquid5gc.proxy.time-to-wait-seconds must be 1, 2, 5, 10, 20 or 60");
        }
        for (int tac : tacs) {
            if (tac < 0 || tac > 0xFFFFFF) {
                throw new IllegalArgumentException("liquid5gc.proxy.tacs: a TAC is 24 bits: " + tac);
            }
        }
        Objects.requireNonNull(sctp, "liquid5gc.proxy.sctp");
        Objects.requireNonNull(nasTimers, "liquid5gc.proxy.nas-timers");
        Objects.requireNonNull(limits, "liquid5gc.proxy.limits");
        Objects.requireNonNull(amfUnavailable, "liquid5gc.proxy.amf-unavailable");
    }

    /**
     * When the AMF function for a UE's NAS message is unavailable (503, unreachable, no answer in time:
     * {@code liquid5gc.proxy.amf-unavailable.*}), the UE is rejected with 5GMM cause #22 and a back-off timer (T3346, or
     * the back-off timer of a DL NAS TRANSPORT) of the function's {@code Retry-After}, within these bounds.
     *
     * @param backOff    the back-off when the function gave no Retry-After (default 5 s)
     * @param minBackOff the shortest back-off given (default 2 s: one unit of a GPRS timer 2, TS 24.008 10.5.7.4; a zero
     *                   T3346 would not be started at all, TS 24.501 5.5.1.2.5)
     * @param maxBackOff the longest back-off given, however long the Retry-After (default 60 s)
     * @param reportRetries how many times an N2 report the gNB waits on no answer for (a PDU session resource
     *                   response, HANDOVER NOTIFY, the release's completion) is given to the function again, each after
     *                   the back-off (default 3; 0: never)
     */
    public record AmfUnavailable(@DefaultValue("5s") java.time.Duration backOff, @DefaultValue("2s") java.time.Duration minBackOff,
                                 @DefaultValue("60s") java.time.Duration maxBackOff, @DefaultValue("3") int reportRetries) {

        public AmfUnavailable {
            if (minBackOff.isNegative() || minBackOff.isZero() || maxBackOff.compareTo(minBackOff) < 0
                    || backOff.compareTo(minBackOff) < 0 || backOff.compareTo(maxBackOff) > 0) {
                throw new IllegalArgumentException("liquid5gc.proxy.amf-unavailable: need 0 < min-back-off <= back-off <= max-back-off, got "
                        + minBackOff + ", " + backOff + ", " + maxBackOff);
            }
            if (reportRetries < 0 || reportRetries > 10) {
                throw new IllegalArgumentException("liquid5gc.proxy.amf-unavailable.report-retries: 0 to 10, got " + reportRetries);
            }
        }

        /** The back-off for a failure with this Retry-After (empty: none given), within the bounds. */
        public java.time.Duration backOffFor(java.util.Optional<java.time.Duration> retryAfter) {
            java.time.Duration d = retryAfter.orElse(backOff);
            return d.compareTo(minBackOff) < 0 ? minBackOff : d.compareTo(maxBackOff) > 0 ? maxBackOff : d;
        }
    }

    /**
     * What N2 accepts ({@code liquid5gc.proxy.limits.*}, issue 14 item 4). The allow-lists are open by default (a lab
     * core takes any gNB); the start-up WARN block says so ({@code n2-any-gnb}).
     *
     * @param initsPerSecond             INITs answered per second per source IP address on SCTP over UDP, before any
     *                                   INIT ACK is built (default {@value #DEFAULT_INITS_PER_SECOND}; 0 answers every
     *                                   INIT); over it an INIT is dropped, the gNB retransmits after T1-init
     * @param initBurst                  INITs answered back to back from one address (default {@value #DEFAULT_INIT_BURST})
     * @param initTrackedSources         source addresses the INIT limiter tracks at once (default
     *                                   {@value #DEFAULT_INIT_TRACKED_SOURCES}); more share one bucket
     * @param initialUeMessagesPerSecond Initial UE Messages taken per second per association (default
     *                                   {@value #DEFAULT_INITIAL_UE_MESSAGES_PER_SECOND}; 0: no limit); over it the UE
     *                                   is not admitted: no UE context, no AMF call, an ERROR INDICATION with its RAN UE
     *                                   NGAP ID and cause misc control-processing-overload (TS 38.413 9.3.1.2)
     * @param initialUeMessageBurst      Initial UE Messages taken back to back (default
     *                                   {@value #DEFAULT_INITIAL_UE_MESSAGE_BURST})
     * @param allowedGnbs                Global RAN Node IDs admitted at NG Setup, as {@code MCC-MNC-gnb-HEXID} (also
     *                                   {@code ngenb}, {@code n3iwf}); empty (default): any. Others get NG SETUP FAILURE
     *                                   with cause misc om-intervention (TS 38.413 8.7.1.3)
     * @param allowedSources             gNB addresses or CIDR blocks ({@code 192.0.2.7}, {@code 10.20.0.0/16},
     *                                   {@code fd00::/8}) that may associate; empty (default): any. Others get no INIT
     *                                   ACK (SCTP over UDP) or are aborted at COMMUNICATION UP (kernel SCTP)
     * @param ngapPpidOnly               DATA with a PPID other than 60 (TS 38.412 7) is dropped and counted, never
     *                                   decoded (default true)
     */
    public record Limits(@DefaultValue("" + DEFAULT_INITS_PER_SECOND) double initsPerSecond,
                         @DefaultValue("" + DEFAULT_INIT_BURST) int initBurst,
                         @DefaultValue("" + DEFAULT_INIT_TRACKED_SOURCES) int initTrackedSources,
                         @DefaultValue("" + DEFAULT_INITIAL_UE_MESSAGES_PER_SECOND) double initialUeMessagesPerSecond,
                         @DefaultValue("" + DEFAULT_INITIAL_UE_MESSAGE_BURST) int initialUeMessageBurst,
                         List<String> allowedGnbs, List<String> allowedSources, @DefaultValue("true") boolean ngapPpidOnly) {
        public static final double DEFAULT_INITS_PER_SECOND = 10;
        public static final int DEFAULT_INIT_BURST = 20;
        public static final int DEFAULT_INIT_TRACKED_SOURCES = 10_000;
        public static final double DEFAULT_INITIAL_UE_MESSAGES_PER_SECOND = 2_000;
        public static final int DEFAULT_INITIAL_UE_MESSAGE_BURST = 2_000;
        /** The declared defaults: what binding no {@code liquid5gc.proxy.limits.*} property gives. */
        public static final Limits DEFAULTS = new Binder().bindOrCreate("liquid5gc.proxy.limits", Limits.class);

        /** Open allow-lists and the other limits at their defaults, but for these lists (tests, embedding). */
        public static Limits allowing(List<String> allowedGnbs, List<String> allowedSources) {
            return new Limits(DEFAULTS.initsPerSecond, DEFAULTS.initBurst, DEFAULTS.initTrackedSources,
                    DEFAULTS.initialUeMessagesPerSecond, DEFAULTS.initialUeMessageBurst, allowedGnbs, allowedSources,
                    DEFAULTS.ngapPpidOnly);
        }

        public Limits {
            allowedGnbs = allowedGnbs == null ? List.of() : List.copyOf(allowedGnbs);
            allowedSources = allowedSources == null ? List.of() : List.copyOf(allowedSources);
            if (!(initsPerSecond >= 0) || !(initialUeMessagesPerSecond >= 0) || Double.isInfinite(initsPerSecond)
                    || Double.isInfinite(initialUeMessagesPerSecond)) {
                throw new IllegalArgumentException("liquid5gc.proxy.limits: a rate must be a number >= 0 (0: no limit)");
            }
            if (initBurst < 1 || initTrackedSources < 1 || initialUeMessageBurst < 1) {
                throw new IllegalArgumentException("liquid5gc.proxy.limits: init-burst, init-tracked-sources and "
                        + "initial-ue-message-burst must be >= 1");
            }
        }
    }

    /**
     * The network-side 5GMM timers the proxy runs (TS 24.501 10.2, Table 10.2.2): a downlink message that expects an
     * answer is sent again when its timer expires, at most {@code retransmissions} times; the expiry after that goes
     * to the AMF, which aborts the procedure or lets it stand (TS 24.501 5.4.1.3.7, 5.4.2.7, 5.4.3.7, 5.5.1.2.8,
     * 5.5.2.3.5). Defaults declared with {@code @DefaultValue}. T3555 (Configuration Update Command)
     * is not here: the AMF sends no Configuration Update Command.
     *
     * @param t3550 Registration Accept with a new 5G-GUTI until Registration Complete, default 6 s
     * @param t3560 Authentication Request / Security Mode Command until the UE answers, default 6 s
     * @param t3570 Identity Request until Identity Response, default 6 s
     * @param t3522 network-initiated De-registration Request until De-registration Accept, default 6 s
     * @param retransmissions how many times a message is sent again, default 4 (the fifth expiry goes to the AMF)
     */
    public record NasTimers(@DefaultValue("6s") java.time.Duration t3550, @DefaultValue("6s") java.time.Duration t3560,
                            @DefaultValue("6s") java.time.Duration t3570, @DefaultValue("6s") java.time.Duration t3522,
                            @DefaultValue("4") int retransmissions) {

        /** The declared defaults: what binding no {@code liquid5gc.proxy.nas-timers.*} property gives. */
        public static NasTimers defaults() {
            return new Binder().bindOrCreate("liquid5gc.proxy.nas-timers", NasTimers.class);
        }

        public NasTimers {
            for (java.time.Duration d : java.util.Arrays.asList(t3550, t3560, t3570, t3522)) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("liquid5gc.proxy.nas-timers: a timer must be positive: " + d);
                }
            }
            if (retransmissions < 0 || retransmissions > 10) {
                throw new IllegalArgumentException("liquid5gc.proxy.nas-timers.retransmissions must be 0..10: " + retransmissions);
            }
        }
    }

    /** A GUAMI: PLMN, AMF Region ID (8 bits), AMF Set ID (10 bits), AMF Pointer (6 bits). */
    public record GuamiConfig(String mcc, String mnc, int regionId, int setId, int pointer) {
        public GuamiConfig {
            if (regionId < 0 || regionId > 255 || setId < 0 || setId > 1023 || pointer < 0 || pointer > 63) {
                throw new IllegalArgumentException("GUAMI: region 0..255, set 0..1023, pointer 0..63");
            }
        }
    }

    /** A served PLMN and its slices. */
    public record PlmnSupport(String mcc, String mnc, List<Snssai> slices) {
        public PlmnSupport {
            slices = slices == null ? List.of() : List.copyOf(slices);
        }
    }

    /**
     * @param udpBindAddress address of the SCTP-over-UDP socket (RFC 6951), default 0.0.0.0
     * @param udpPort        its UDP port, default 9899; 0 picks a free one
     * @param sctpPort       the SCTP port inside the encapsulation, default 38412 (TS 38.412)
     * @param kernel         kernel SCTP on {@code kernelBindAddress:sctpPort} ({@link KernelSctp}, default auto)
     * @param kernelBindAddress address of the kernel SCTP listener, default 0.0.0.0
     * @param udp            the SCTP-over-UDP endpoint, default true
     * @param sackDelay      the SCTP-over-UDP endpoint's delayed-SACK timer (RFC 9260 6.2, 0..500 ms), default
     *                       {@link #DEFAULT_SACK_DELAY}: a message the core answers at once carries its SACK along, one it
     *                       does not answer (Registration Complete, Initial Context Setup Response, ...) is acknowledged
     *                       after 5 ms instead of RFC 9260's 200 ms, which a gNB's Nagle-like sender would otherwise wait
     *                       out before its next UL message; 0 acknowledges every packet at once
     */
    public record Sctp(@DefaultValue("0.0.0.0") String udpBindAddress, @DefaultValue("9899") int udpPort,
                       @DefaultValue("38412") int sctpPort, @DefaultValue("auto") KernelSctp kernel,
                       @DefaultValue("0.0.0.0") String kernelBindAddress, @DefaultValue("true") boolean udp,
                       @DefaultValue("5ms") java.time.Duration sackDelay) {

        public static final java.time.Duration DEFAULT_SACK_DELAY = java.time.Duration.ofMillis(5);

        /**
         * Whether N2 also listens on the kernel's SCTP ({@code liquid5gc.proxy.sctp.kernel}; YAML's bare {@code on}
         * and {@code off} bind too).
         */
        public enum KernelSctp {
            /** When the OS has SCTP (the default); otherwise SCTP over UDP only, said at start. */
            AUTO,
            /** Always: the start fails on an OS without SCTP. */
            ON,
            /** Never. */
            OFF
        }

        public Sctp {
            if (udpBindAddress == null || udpBindAddress.isBlank() || kernelBindAddress == null || kernelBindAddress.isBlank()) {
                throw new IllegalArgumentException("liquid5gc.proxy.sctp: udp-bind-address and kernel-bind-address must not be blank");
            }
            Objects.requireNonNull(kernel, "liquid5gc.proxy.sctp.kernel");
            Objects.requireNonNull(sackDelay, "liquid5gc.proxy.sctp.sack-delay");
            try {
                sctpConfig(sackDelay); // lib-sctp's SctpConfig holds the rule (RFC 9260 6.2: 0..500 ms)
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("liquid5gc.proxy.sctp.sack-delay must be 0..500 ms (RFC 9260 6.2): " + sackDelay, e);
            }
        }


        /** The SCTP-over-UDP endpoint's association settings: lib-sctp's defaults with this delayed-SACK timer. */
        public io.liquid5gc.sctp.SctpConfig sctpConfig() {
            return sctpConfig(sackDelay);
        }

        private static io.liquid5gc.sctp.SctpConfig sctpConfig(java.time.Duration sackDelay) {
            return io.liquid5gc.sctp.SctpConfig.builder().sackDelay(sackDelay).build();
        }

        public InetSocketAddress udpBind() {
            return new InetSocketAddress(udpBindAddress, udpPort);
        }
    }
}
