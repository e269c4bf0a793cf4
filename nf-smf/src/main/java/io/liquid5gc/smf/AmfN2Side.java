package io.liquid5gc.smf;

import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.placement.PlacementProperties;
import io.liquid5gc.runtime.security.ConsumerCredentials;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.amf.DownlinkDataNotifier;
import java.net.URI;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.ObjectMapper;

/**
 * Which AMF N2 side the SMF tells of downlink data and of the PDU sessions it released itself (TS 29.518
 * N1N2MessageTransfer): the one in this process when N2 terminates here (the ngap-proxy's bean, all-in-one), else the
 * process at {@code liquid5gc.smf.amf.n1n2-url} over HTTP ({@link AmfN1N2Client}), else, with the AMF placed
 * {@code http}, the AMF's URL; none otherwise (logged: paging and the UE's release notice then do not happen).
 */
final class AmfN2Side implements Supplier<DownlinkDataNotifier> {

    private static final Logger log = LoggerFactory.getLogger(AmfN2Side.class);

    private final ObjectProvider<DownlinkDataNotifier> local;
    private final AmfN1N2Client http;
    private volatile boolean told;

    AmfN2Side(ObjectProvider<DownlinkDataNotifier> local, AmfN1N2Client http) {
        this.local = local;
        this.http = http;
    }

    static AmfN2Side of(ObjectProvider<DownlinkDataNotifier> local, AmfPeerProperties amf, PlacementProperties placement,
                        ConsumerCredentials credentials, ObjectMapper json) {
        URI url = amf.n1n2Url();
        PlacementProperties.NfSettings amfSettings = placement.of(NfType.AMF);
        if (url == null && amfSettings.placement() == Placement.HTTP) {
            url = amfSettings.url();
        }
        AmfN1N2Client client = url == null ? null : new AmfN1N2Client(url, credentials, json, placement.http().connectTimeout(),
                amfSettings.timeout() != null ? amfSettings.timeout() : placement.http().timeout());
        return new AmfN2Side(local, client);
    }

    /** The N2 side to tell now; null when none is reachable from this process. */
    @Override
    public DownlinkDataNotifier get() {
        DownlinkDataNotifier here = local.getIfAvailable();
        if (here != null) {
            return here;
        }
        if (!told) {
            told = true;
            if (http != null) {
                log.info("the AMF's N2 side is not in this process: N1N2MessageTransfer over HTTP to {}", http.base());
            } else {
                log.warn("no AMF N2 side reachable from this SMF: downlink data does not page idle UEs and UEs are not told of "
                        + "PDU sessions the SMF releases; set liquid5gc.smf.amf.n1n2-url to the ngap-proxy's URL");
            }
        }
        return http;
    }
}
