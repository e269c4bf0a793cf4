package io.liquid5gc.smf;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the SMF reaches the AMF's N2 side when it is not in this process ({@code liquid5gc.smf.amf.*}).
 *
 * <pre>
 * liquid5gc.smf.amf.n1n2-url=http://proxy:8009   # the process terminating N2 (ngap-proxy, or an all-in-one) serving
 *                                                #   Namf_Communication N1N2MessageTransfer (TS 29.518); unset: the
 *                                                #   AMF's URL (liquid5gc.nf.amf.url) when the AMF is placed http
 * </pre>
 *
 * @param n1n2Url base URL of the N2 side's {@code /namf-comm/v1/...}; unset: see above
 */
@ConfigurationProperties("liquid5gc.smf.amf")
public record AmfPeerProperties(URI n1n2Url) {
}
