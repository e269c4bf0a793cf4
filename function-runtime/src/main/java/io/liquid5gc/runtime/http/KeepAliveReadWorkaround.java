package io.liquid5gc.runtime.http;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Works around a Reactor Netty 1.3 server bug on HTTP/1.1 keep-alive connections (reactor/reactor-netty issue 4361,
 * pull request 4347; present in the 1.3.6 Spring Boot 4.1.0 brings): a request a client sends on a reused connection
 * before the server's previous exchange on it has terminated is buffered, and when that buffer drains without
 * dispatching a request nobody asks the channel to read again, so the next request is never read and the connection
 * is never reaped. Seen here as operator-console requests unanswered for 60 s (every event loop idle; the test's JDK
 * HttpClient reuses its connection at once). Reactor Netty's own switch {@code reactor.netty.http.server.lastFlushWhenNoRead}
 * terminates the previous exchange before that check, which closes this route (the maintainers' stopgap; genuinely
 * pipelined requests, which no NF client sends, are not covered).
 *
 * <p>It is a JVM system property read once, when Reactor Netty's {@code HttpTrafficHandler} is first loaded (when the
 * server starts, after this runs). Set here for every Liquid5GC process unless given on the command line
 * ({@code -Dreactor.netty.http.server.lastFlushWhenNoRead=false} turns it off). Remove once a Reactor Netty with the
 * fix is in use.
 */
public final class KeepAliveReadWorkaround implements EnvironmentPostProcessor {

    static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
