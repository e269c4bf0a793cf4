package io.liquid5gc.amf.session;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * PDU session settings of the AMF ({@code liquid5gc.amf.sessions.*}).
 *
 * @param defaultDnn the DNN the AMF asks the SMF for when the UE gives none (TS 23.502 4.3.2.2.1 step 2: the
 *                   subscribed default; the SMF checks the subscription)
 */
@ConfigurationProperties("liquid5gc.amf.sessions")
public record SessionProperties(@DefaultValue(DEFAULT_DNN) String defaultDnn) {

    public static final String DEFAULT_DNN = "internet";

    /** The declared defaults: what binding no {@code liquid5gc.amf.sessions.*} property gives. */
    public static SessionProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.amf.sessions", SessionProperties.class);
    }

    public SessionProperties {
        Objects.requireNonNull(defaultDnn, "liquid5gc.amf.sessions.default-dnn");
        defaultDnn = defaultDnn.isBlank() ? DEFAULT_DNN : defaultDnn; // as before: blank means the default
    }
}
