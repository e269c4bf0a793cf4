package io.liquid5gc.runtime.operator;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The audit trail of operator changes, one line each on the logger {@code liquid5gc.audit}:
 * {@code who=token from=10.0.0.7:51234 action=provisioning.add subject=imsi-001010000000001..imsi-001010000000100 outcome=201}.
 * Only validated identifiers go in (SUPIs that passed their check, ranges, counts); never a secret, never raw input.
 */
public final class OperatorAudit {

    static final Logger AUDIT = LoggerFactory.getLogger("liquid5gc.audit");

    private OperatorAudit() {
    }

    /** A change that was attempted by an authenticated (or, with authentication off, anonymous) operator. */
    public static void record(ServerRequest request, String action, String subject, int status) {
        record(request.exchange(), action, subject, status);
    }

    /** As {@link #record(ServerRequest, String, String, int)}, from a filter (the console's login and logout). */
    public static void record(ServerWebExchange exchange, String action, String subject, int status) {
        record(exchange, who(exchange), action, subject, status);
    }

    /** An action of an operator named here (a login: the exchange has no operator yet, or a refused one). */
    public static void record(ServerWebExchange exchange, String who, String action, String subject, int status) {
        AUDIT.info("who={} from={} action={} subject={} outcome={}", who, from(exchange), action,
                subject == null ? "-" : subject, status);
    }

    /** A request refused for want of credentials: audited when it would have changed something. */
    static void refused(ServerWebExchange exchange, String api) {
        HttpMethod m = exchange.getRequest().getMethod();
        if (!HttpMethod.GET.equals(m) && !HttpMethod.HEAD.equals(m)) {
            AUDIT.warn("who=unauthenticated from={} action={}.{} subject=- outcome=401", from(exchange), api, m.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static String who(ServerWebExchange exchange) {
        Object who = exchange.getAttribute(OperatorAuthenticationFilter.OPERATOR);
        return who == null ? "unknown" : who.toString();
    }

    static String from(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "-" : remote.getAddress() == null ? remote.getHostString() + ":" + remote.getPort()
                : remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
}
