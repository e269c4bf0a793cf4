package io.liquid5gc.amf.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PDU session settings of the AMF ({@code liquid5gc.amf.sessions.*}).
 *
 * @param defaultDnn the DNN the AMF asks the SMF for when the UE gives none (TS 23.502 4.3.2.2.1 step 2: the
 *                   subscribed default; the SMF checks the subscription)
 */
@ConfigurationProperties("liquid5gc.amf.sessions")
public record SessionProperties(String defaultDnn) {

    public SessionProperties {
        defaultDnn = defaultDnn == null || defaultDnn.isBlank() ? "internet" : defaultDnn;
    }
}
