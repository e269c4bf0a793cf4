package io.liquid5gc.runtime.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;

/** Where this process's HTTP server listens ({@code server.address}; unset means every interface). */
public final class BindAddress {

    private BindAddress() {
    }

    /** {@code server.address}, or {@code null} when the server listens on every interface. */
    public static String of(Environment env) {
        String a = env.getProperty("server.address");
        return a == null || a.isBlank() || isWildcard(a) ? null : a.strip();
    }

    public static boolean isWildcard(String address) {
        String a = address.strip();
        return a.equals("0.0.0.0") || a.equals("::") || a.equals("[::]") || a.equals("0:0:0:0:0:0:0:0");
    }

    /** True when {@code address} is a loopback address (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String address) {
        if (address == null || isWildcard(address)) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip().replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
