package io.liquid5gc.runtime.operator;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication of the operator APIs ({@code liquid5gc.operator.*}): provisioning, the proxy's network procedures.
 *
 * @param auth                      {@code auto} (the default): required unless {@code server.address} is a loopback address and no token is configured;
 *                                  {@code required}; {@code disabled} (a WARN at start, refused by the
 *                                  production profile)
 * @param token                     the bearer token ({@code LIQUID5GC_OPERATOR_TOKEN}, from a secret); never logged.
 *                                  {@code liquid5gc.provisioning.token} is read too, for older configurations
 * @param tokenFile                 without {@code token}: the token is read from this file (a mounted secret), or, when
 *                                  the file does not exist, a random one is generated into it (mode 0600, WARN)
 * @param clientCertificateSubjects the subjects (full DN or CN) of TLS client certificates accepted as the operator
 *                                  instead of the token; needs {@code server.ssl.client-auth=want|need} with a trust
 *                                  store that verified them
 */
@ConfigurationProperties("liquid5gc.operator")
public record OperatorProperties(@DefaultValue("auto") Auth auth, String token,
                                 @DefaultValue("data/operator.token") Path tokenFile, List<String> clientCertificateSubjects) {

    /** The declared defaults: what binding no {@code liquid5gc.operator.*} property gives. */
    public static OperatorProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.operator", OperatorProperties.class);
    }

    public OperatorProperties {
        Objects.requireNonNull(auth, "liquid5gc.operator.auth");
        token = token == null || token.isBlank() ? null : token.strip(); // null: no configured token
        Objects.requireNonNull(tokenFile, "liquid5gc.operator.token-file");
        clientCertificateSubjects = clientCertificateSubjects == null ? List.of() : List.copyOf(clientCertificateSubjects);
    }

    public enum Auth {
        AUTO, REQUIRED, DISABLED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return "OperatorProperties[auth=" + auth.key() + ", token=" + (token == null ? "none" : "***") + ", tokenFile=" + tokenFile
                + ", clientCertificateSubjects=" + clientCertificateSubjects + "]";
    }
}
