package io.liquid5gc.store.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisServerCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connect-time check of the Redis server's settings. UE, session and subscriber state must never be
 * evicted ({@code maxmemory-policy noeviction}: a full Redis then refuses writes, which the functions see,
 * instead of silently dropping contexts) and should survive a Redis restart ({@code appendonly yes}, or at
 * least RDB snapshots). Every finding is logged as a WARNING by this class's logger.
 */
public final class RedisSettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(RedisSettingsCheck.class);

    /**
     * What the check found.
     *
     * @param configReadable  false when the server refused CONFIG GET (managed Redis usually does)
     * @param maxmemoryPolicy the eviction policy, or null when unknown
     * @param appendOnly      whether AOF is on, or null when unknown
     * @param save            the RDB snapshot schedule ("" when off), or null when unknown
     * @param warnings        what is unsafe or could not be verified; empty when all is well
     */
    public record Report(boolean configReadable, String maxmemoryPolicy, Boolean appendOnly, String save, List<String> warnings) {

        public Report {
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return warnings.isEmpty();
        }
    }

    private RedisSettingsCheck() {
    }

    /** Reads the settings, logs a WARNING per finding (an INFO line when all is well) and returns the report. */
    public static Report checkAndLog(RedisServerCommands<?, ?> server, String where) {
        Report report = inspect(server, where);
        if (report.ok()) {
            log.info("Redis {}: maxmemory-policy {}, appendonly {}, save \"{}\": safe for UE and subscriber state",
                    where, report.maxmemoryPolicy(), report.appendOnly() ? "yes" : "no", report.save());
        }
        for (String w : report.warnings()) {
            log.warn(w);
        }
        return report;
    }

    /** Reads the settings without logging. */
    public static Report inspect(RedisServerCommands<?, ?> server, String where) {
        List<String> warnings = new ArrayList<>();
        String policy;
        Boolean aof;
        String save;
        boolean configReadable;
        try {
            Map<String, String> config = new java.util.HashMap<>();
            for (String name : List.of("maxmemory-policy", "appendonly", "save")) { // one each: Redis < 7 takes one
                config.putAll(server.configGet(name));
            }
            policy = config.get("maxmemory-policy");
            aof = config.containsKey("appendonly") ? "yes".equalsIgnoreCase(config.get("appendonly")) : null;
            save = config.get("save");
            configReadable = true;
        } catch (RedisException e) {
            configReadable = false;
            warnings.add("Redis " + where + ": cannot read the server settings, CONFIG GET was refused (" + e.getMessage()
                    + "); this is usual on managed Redis. Make sure with the provider that maxmemory-policy is noeviction"
                    + " and that persistence (appendonly yes, or RDB snapshots) is on: UE and subscriber state must"
                    + " never be evicted or lost on a restart");
            Map<String, String> info = info(server);
            policy = info.get("maxmemory_policy");
            aof = info.containsKey("aof_enabled") ? "1".equals(info.get("aof_enabled")) : null;
            save = null;
        }
        if (policy != null && !policy.equals("noeviction")) {
            warnings.add("Redis " + where + ": maxmemory-policy is " + policy + ", not noeviction: when memory runs out,"
                    + " Redis will silently delete UE contexts, sessions and subscribers. Set 'maxmemory-policy noeviction'"
                    + " (a full Redis then refuses writes, which the functions report, instead of losing state)");
        }
        if (configReadable && Boolean.FALSE.equals(aof) && (save == null || save.isBlank())) {
            warnings.add("Redis " + where + ": persistence is off (appendonly no, save \"\"): a Redis restart loses every"
                    + " UE context, session and subscriber. Set 'appendonly yes' (or at least RDB snapshots with 'save')");
        }
        if (!configReadable && Boolean.FALSE.equals(aof)) {
            warnings.add("Redis " + where + ": AOF is off (INFO persistence: aof_enabled:0); unless RDB snapshots are"
                    + " configured, a Redis restart loses every UE context, session and subscriber");
        }
        return new Report(configReadable, policy, aof, save, warnings);
    }

    private static Map<String, String> info(RedisServerCommands<?, ?> server) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String section : List.of("memory", "persistence")) {
            try {
                for (String line : server.info(section).split("\r?\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && !line.startsWith("#")) {
                        fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
                    }
                }
            } catch (RedisException ignored) {
                // INFO refused as well: nothing more to learn
            }
        }
        return fields;
    }
}
