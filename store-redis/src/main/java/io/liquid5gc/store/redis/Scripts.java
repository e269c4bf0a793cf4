package io.liquid5gc.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisScriptingCommands;

/**
 * The Lua scripts of the store, each run by {@code EVALSHA} and sent again with {@code EVAL} when the server answers
 * NOSCRIPT (after a restart, a SCRIPT FLUSH, or on a replica just promoted by a failover). In Redis Cluster every key
 * of one call is in one slot ({@link KeyLayout}): the record and its index shard share a hash tag.
 */
final class Scripts {

    /**
     * KEYS[1] the key, KEYS[2] (optional) its index; ARGV: expectAbsent ("1"/"0"), expected, delete ("1"/"0"), value,
     * ttl millis ("0" = none), the index member (with KEYS[2]).
     */
    static final String CAS = """
            local cur = redis.call('GET', KEYS[1])
            if ARGV[1] == '1' then
              if cur then return 0 end
            elseif cur ~= ARGV[2] then
              return 0
            end
            if ARGV[3] == '1' then
              redis.call('DEL', KEYS[1])
              if KEYS[2] then redis.call('ZREM', KEYS[2], ARGV[6]) end
            else
              if ARGV[5] ~= '0' then
                redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5])
              else
                redis.call('SET', KEYS[1], ARGV[4])
              end
              if KEYS[2] then redis.call('ZADD', KEYS[2], 0, ARGV[6]) end
            end
            return 1
            """;

    /** KEYS[1] the key, KEYS[2] its index; ARGV: member, value, ttl millis ("0" = none). */
    static final String SET_INDEXED = """
            if ARGV[3] ~= '0' then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            else
              redis.call('SET', KEYS[1], ARGV[2])
            end
            redis.call('ZADD', KEYS[2], 0, ARGV[1])
            return 1
            """;

    /** KEYS[1] the key, KEYS[2] its index; ARGV: member. Returns how many keys were deleted. */
    static final String DEL_INDEXED = """
            local n = redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return n
            """;

    /** KEYS[1] the counter, KEYS[2] its index; ARGV: member, delta. */
    static final String INCR_INDEXED = """
            local n = redis.call('INCRBY', KEYS[1], ARGV[2])
            redis.call('ZADD', KEYS[2], 0, ARGV[1])
            return n
            """;

    /**
     * KEYS[1] the counter, KEYS[2] its marker (one slot); ARGV: delta, limit ("" = none), expectAbsent ("1"/"0"),
     * expected, delete ("1"/"0"), value. Returns {@code count * 4 + outcome} (0 counted, 1 marker differs,
     * 2 over the limit; read by {@link RedisKeyValueStore#countMarked}): the new count when counted, else the current one. The
     * counter never goes below zero; INCRBY keeps its TTL.
     */
    static final String COUNT_MARKED = """
            local m = redis.call('GET', KEYS[2])
            local raw = redis.call('GET', KEYS[1])
            local n = 0
            if raw then
              n = tonumber(raw)
              if not n then return redis.error_reply('ERR key holds a value that is not a counter') end
            end
            if ARGV[3] == '1' then
              if m then return n * 4 + 1 end
            elseif m ~= ARGV[4] then
              return n * 4 + 1
            end
            local d = tonumber(ARGV[1])
            local nxt = n + d
            if d > 0 and ARGV[2] ~= '' and nxt > tonumber(ARGV[2]) then return n * 4 + 2 end
            if nxt < 0 then nxt = 0 end
            if nxt ~= n then redis.call('INCRBY', KEYS[1], nxt - n) end
            if ARGV[5] == '1' then
              redis.call('DEL', KEYS[2])
            else
              redis.call('SET', KEYS[2], ARGV[6])
            end
            return nxt * 4
            """;

    /**
     * KEYS[1] an index, KEYS[2..n] keys; ARGV[1..n-1] their members: each member whose key exists is added, each whose
     * key does not (expired by its TTL) is removed. Used to build an index from a SCAN and to drop stale entries.
     */
    static final String RECONCILE = """
            local n = 0
            for i = 2, #KEYS do
              if redis.call('EXISTS', KEYS[i]) == 1 then
                redis.call('ZADD', KEYS[1], 0, ARGV[i - 1])
                n = n + 1
              else
                redis.call('ZREM', KEYS[1], ARGV[i - 1])
              end
            end
            return n
            """;

    /** One script and its SHA-1. */
    record Script(String name, String text, String sha) {
    }

    final Script cas;
    final Script setIndexed;
    final Script delIndexed;
    final Script incrIndexed;
    final Script reconcile;
    final Script countMarked;

    Scripts(RedisScriptingCommands<String, byte[]> redis) {
        cas = new Script("compare-and-set", CAS, redis.digest(CAS));
        setIndexed = new Script("SET+ZADD", SET_INDEXED, redis.digest(SET_INDEXED));
        delIndexed = new Script("DEL+ZREM", DEL_INDEXED, redis.digest(DEL_INDEXED));
        incrIndexed = new Script("INCRBY+ZADD", INCR_INDEXED, redis.digest(INCR_INDEXED));
        reconcile = new Script("index reconcile", RECONCILE, redis.digest(RECONCILE));
        countMarked = new Script("marked count", COUNT_MARKED, redis.digest(COUNT_MARKED));
    }

    static Long run(RedisScriptingCommands<String, byte[]> redis, Script script, String[] keys, byte[]... args) {
        try {
            return redis.evalsha(script.sha(), ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException e) {
            return redis.eval(script.text(), ScriptOutputType.INTEGER, keys, args);
        }
    }
}
