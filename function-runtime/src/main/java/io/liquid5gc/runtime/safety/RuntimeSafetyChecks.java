package io.liquid5gc.runtime.safety;

import io.liquid5gc.runtime.http.BindAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * What every NF process can get wrong: an HTTP server on every interface ({@code server.address} unset), SBI
 * security off ({@code liquid5gc.security.enabled}: TS 33.501 13.3/13.4 mTLS and OAuth2 between NFs), and a
 * loopback endpoint trusted without tokens ({@code liquid5gc.security.trust-loopback}).
 */
final class RuntimeSafetyChecks implements UnsafeSettingCheck {

    private final Environment env;

    RuntimeSafetyChecks(Environment env) {
        this.env = env;
    }

    @Override
    public List<UnsafeSetting> unsafeSettings() {
        List<UnsafeSetting> out = new ArrayList<>();
        if (BindAddress.of(env) == null) {
            out.add(new UnsafeSetting("binds-on-all-interfaces",
                    "the HTTP server (functions, operator APIs, actuator) listens on every interface, port " + env.getProperty("server.port", "8080")
                            + (env.getProperty("server.ssl.enabled", Boolean.class, false) ? "" : ", plaintext"),
                    "set server.address to the interface the peers use (SERVER_ADDRESS, e.g. the pod IP), or accept it behind a NetworkPolicy"));
        }
        if (!env.getProperty("liquid5gc.security.enabled", Boolean.class, true)) {
            out.add(new UnsafeSetting("sbi-security-off",
                    "SBI security is off: NFs neither authenticate each other (TLS) nor check access tokens (TS 33.501 13.3, 13.4)",
                    "remove liquid5gc.security.enabled=false (access tokens are on by default) and set liquid5gc.security.mtls.*"));
        } else if (env.getProperty("liquid5gc.security.trust-loopback", Boolean.class, false)) {
            out.add(new UnsafeSetting("sbi-trusts-loopback",
                    "the function endpoint serves calls from this host without access tokens (liquid5gc.security.trust-loopback=true): "
                            + "any local process can call every function, subscriber keys included",
                    "remove liquid5gc.security.trust-loopback (tokens are checked on loopback too by default)"));
        }
        return out;
    }
}
