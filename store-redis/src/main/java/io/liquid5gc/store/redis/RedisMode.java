package io.liquid5gc.store.redis;

/** How the store reaches Redis ({@code liquid5gc.store.redis.mode}). */
public enum RedisMode {
    /** One server (or a managed endpoint that looks like one) at {@code liquid5gc.store.redis.url}. */
    STANDALONE,
    /**
     * Redis Cluster: the keyspace spread over several masters by hash slot, each with replicas promoted on failure.
     * {@code liquid5gc.store.redis.nodes} are the seed nodes; keys carry hash tags ({@link KeyLayout}).
     */
    CLUSTER,
    /**
     * One master with replicas watched by Redis Sentinel: {@code liquid5gc.store.redis.nodes} are the sentinels,
     * {@code liquid5gc.store.redis.master-name} the monitored master; after a failover the store reconnects to the
     * promoted replica.
     */
    SENTINEL
}
