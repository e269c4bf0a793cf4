package io.liquid5gc.store.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StaticCredentialsProvider;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.liquid5gc.runtime.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the Lettuce client of a mode ({@link RedisMode}) and opens its connection: a {@link RedisClient} to one
 * server or, through the sentinels, to the current master; a {@link RedisClusterClient} over the cluster's seed nodes,
 * which follows the slot map (refreshed every {@value #TOPOLOGY_REFRESH_SECONDS} s and at once on MOVED/ASK
 * redirections and on repeated reconnects, so a promoted replica takes over within a refresh).
 */
final class RedisConnector {

    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    static final long TOPOLOGY_REFRESH_SECONDS = 2;

    /** An open connection with the commands every mode shares. */
    record Link(StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> commands,
                StatefulRedisClusterConnection<String, byte[]> cluster) {
    }

    private RedisConnector() {
    }

    /** The client of {@code properties}' mode (it connects nowhere yet). */
    static AbstractRedisClient newClient(RedisStoreProperties properties, ClientResources resources) {
        SocketOptions socket = SocketOptions.builder().connectTimeout(properties.timeout()).build();
        if (properties.mode() == RedisMode.CLUSTER) {
            RedisClusterClient client = RedisClusterClient.create(resources, seeds(properties));
            client.setOptions(ClusterClientOptions.builder()
                    .socketOptions(socket)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(Duration.ofSeconds(TOPOLOGY_REFRESH_SECONDS))
                            .enableAllAdaptiveRefreshTriggers()
                            .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                            .refreshTriggersReconnectAttempts(2)
                            .closeStaleConnections(true)
                            .build())
                    .build());
            return client;
        }
        RedisClient client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .socketOptions(socket)
                // while the connection is down (Lettuce reconnects in the background), fail at once instead of
                // queueing: a queued SET the caller already gave up on must not land later over newer state
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    /** Opens a connection on {@code client} (made by {@link #newClient} for the same properties). */
    static Link connect(AbstractRedisClient client, RedisStoreProperties properties) {
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<String, byte[]> c = cluster.connect(CODEC);
            c.setTimeout(properties.timeout());
            return new Link(c, c.sync(), c);
        }
        RedisURI uri = properties.mode() == RedisMode.SENTINEL ? sentinelUri(properties) : standaloneUri(properties);
        StatefulRedisConnection<String, byte[]> c = ((RedisClient) client).connect(CODEC, uri);
        return new Link(c, c.sync(), null);
    }

    static RedisURI standaloneUri(RedisStoreProperties properties) {
        RedisURI uri = parse(properties.url(), "liquid5gc.store.redis.url", properties.redactedUrl());
        withPassword(uri, properties.password());
        uri.setTimeout(properties.timeout());
        return uri;
    }

    static RedisURI sentinelUri(RedisStoreProperties properties) {
        if (properties.nodes().isEmpty()) {
            throw new StoreException("liquid5gc.store.redis.mode=sentinel needs the sentinels in liquid5gc.store.redis.nodes (host:port,...)");
        }
        if (properties.masterName() == null) {
            throw new StoreException("liquid5gc.store.redis.mode=sentinel needs liquid5gc.store.redis.master-name (the master the sentinels monitor)");
        }
        RedisURI.Builder b = null;
        for (String node : properties.nodes()) {
            HostPort hp = HostPort.parse(node);
            b = b == null ? RedisURI.Builder.sentinel(hp.host(), hp.port(), properties.masterName()) : b.withSentinel(hp.host(), hp.port());
        }
        RedisURI uri = b.withTimeout(properties.timeout()).build();
        withPassword(uri, properties.password());
        return uri;
    }

    static List<RedisURI> seeds(RedisStoreProperties properties) {
        List<RedisURI> out = new ArrayList<>();
        if (properties.nodes().isEmpty()) {
            RedisURI uri = parse(properties.url(), "liquid5gc.store.redis.url", properties.redactedUrl());
            withPassword(uri, properties.password());
            uri.setTimeout(properties.timeout());
            out.add(uri);
            return out;
        }
        for (String node : properties.nodes()) {
            HostPort hp = HostPort.parse(node);
            RedisURI uri = RedisURI.Builder.redis(hp.host(), hp.port()).withTimeout(properties.timeout()).build();
            withPassword(uri, properties.password());
            out.add(uri);
        }
        return out;
    }

    private static RedisURI parse(String url, String key, String redacted) {
        try {
            return RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new StoreException("invalid Redis URL " + redacted + " (" + key + "): "
                    + RedisStoreProperties.redact(String.valueOf(e.getMessage())));
        }
    }

    private static void withPassword(RedisURI uri, String password) {
        if (password != null) {
            String user = null;
            if (uri.getCredentialsProvider() instanceof StaticCredentialsProvider fromUrl) {
                user = fromUrl.resolveCredentialsNow().getUsername(); // an ACL user named in the URL stays
            }
            uri.setCredentialsProvider(new StaticCredentialsProvider(user, password.toCharArray()));
        }
    }

    /** One {@code host:port} of {@code liquid5gc.store.redis.nodes}. */
    record HostPort(String host, int port) {
        static HostPort parse(String node) {
            int colon = node.lastIndexOf(':');
            try {
                if (colon <= 0 || colon == node.length() - 1) {
                    throw new NumberFormatException("no port");
                }
                int port = Integer.parseInt(node.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException("port out of range");
                }
                String host = node.substring(0, colon);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                return new HostPort(host, port);
            } catch (NumberFormatException e) {
                throw new StoreException("liquid5gc.store.redis.nodes: '" + node + "' is not host:port (" + e.getMessage() + ")");
            }
        }
    }
}
