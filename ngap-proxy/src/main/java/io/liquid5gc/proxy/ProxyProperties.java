package io.liquid5gc.proxy;

import io.liquid5gc.sbi.common.Snssai;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("liquid5gc.proxy")
public record ProxyProperties(Boolean enabled, String amfName, List<GuamiConfig> servedGuamis, List<PlmnSupport> plmnSupport,
                              List<Integer> tacs, Integer relativeAmfCapacity, Integer timeToWaitSeconds, Sctp sctp) {

    public ProxyProperties {
        enabled = enabled == null || enabled;
        amfName = amfName == null || amfName.isBlank() ? "liquid5gc-amf" : amfName;
        servedGuamis = servedGuamis == null || servedGuamis.isEmpty() ? List.of(new GuamiConfig("001", "01", 1, 1, 0)) : List.copyOf(servedGuamis);
        plmnSupport = plmnSupport == null || plmnSupport.isEmpty()
                ? List.of(new PlmnSupport("001", "01", List.of(new Snssai(1, "010203")))) : List.copyOf(plmnSupport);
        tacs = tacs == null || tacs.isEmpty() ? List.of(1) : List.copyOf(tacs);
        relativeAmfCapacity = relativeAmfCapacity == null ? 255 : relativeAmfCapacity;
        if (relativeAmfCapacity < 0 || relativeAmfCapacity > 255) {
            throw new IllegalArgumentException("liquid5gc.proxy.relative-amf-capacity must be 0..255");
        }
        timeToWaitSeconds = timeToWaitSeconds == null ? 5 : timeToWaitSeconds;
        if (!List.of(1, 2, 5, 10, 20, 60).contains(timeToWaitSeconds)) {
            throw new IllegalArgumentException("liquid5gc.proxy.time-to-wait-seconds must be 1, 2, 5, 10, 20 or 60");
        }
        for (int tac : tacs) {
            if (tac < 0 || tac > 0xFFFFFF) {
                throw new IllegalArgumentException("liquid5gc.proxy.tacs: a TAC is 24 bits: " + tac);
            }
        }
        sctp = sctp == null ? new Sctp(null, null, null, null, null, null) : sctp;
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
     * @param kernel         kernel SCTP on {@code kernelBindAddress:sctpPort}: {@code auto} (default: when the OS has
     *                       SCTP), {@code on} (fail when it has not), {@code off}
     * @param kernelBindAddress address of the kernel SCTP listener, default 0.0.0.0
     * @param udp            the SCTP-over-UDP endpoint, default true
     */
    public record Sctp(String udpBindAddress, Integer udpPort, Integer sctpPort, String kernel, String kernelBindAddress, Boolean udp) {
        public Sctp {
            udpBindAddress = udpBindAddress == null || udpBindAddress.isBlank() ? "0.0.0.0" : udpBindAddress;
            udpPort = udpPort == null ? 9899 : udpPort;
            sctpPort = sctpPort == null ? 38412 : sctpPort;
            kernel = kernel == null || kernel.isBlank() ? "auto" : kernel.trim().toLowerCase(java.util.Locale.ROOT);
            if (!java.util.List.of("auto", "on", "off").contains(kernel)) {
                throw new IllegalArgumentException("liquid5gc.proxy.sctp.kernel must be auto, on or off: " + kernel);
            }
            kernelBindAddress = kernelBindAddress == null || kernelBindAddress.isBlank() ? "0.0.0.0" : kernelBindAddress;
            udp = udp == null || udp;
        }


        public InetSocketAddress udpBind() {
            return new InetSocketAddress(udpBindAddress, udpPort);
        }
    }
}
