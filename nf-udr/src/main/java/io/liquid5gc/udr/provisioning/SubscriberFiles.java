package io.liquid5gc.udr.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Subscriber files for import: YAML (a list of {@link SubscriberProfile}s, or a map with a {@code subscribers} list),
 * JSON (the same shapes) and CSV with a header line:
 *
 * <pre>
 * imsi,count,k,opc,op,amf,sqn,slices,msisdn
 * 001010000000001,1000,465B5CE8B199B49FAA5F0A2EE238A6BC,E8ED289DEBA952E4283B54E88E6183CA,,8000,000000000000,1-010203:internet|ims;2:iot,
 * </pre>
 *
 * {@code slices} is {@code sst[-sd]:dnn|dnn...} separated by {@code ;}. Lines starting with {@code #} are comments.
 * Parse errors never quote field values (they may be secrets), only line numbers and field names.
 */
final class SubscriberFiles {

    static final int MAX_ENTRIES = 100_000;
    private static final List<String> TEXT_FIELDS = List.of("imsi", "k", "op", "opc", "amf", "sqn", "msisdn");

    private SubscriberFiles() {
    }

    enum Format {
        YAML, JSON, CSV;

        static Format of(String contentTypeOrName) {
            String s = contentTypeOrName == null ? "" : contentTypeOrName.toLowerCase(Locale.ROOT);
            if (s.contains("csv")) {
                return CSV;
            }
            if (s.contains("json")) {
                return JSON;
            }
            return YAML;
        }
    }

    static List<SubscriberProfile> parse(String text, Format format, ObjectMapper json) {
        return switch (format) {
            case CSV -> parseCsv(text);
            case YAML, JSON -> parseTree(load(text, format, json), json);
        };
    }

    private static Object load(String text, Format format, ObjectMapper json) {
        try {
            if (format == Format.JSON) {
                return json.readValue(text, Object.class);
            }
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(64 * 1024 * 1024);
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException | JacksonException e) {
            String where = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null
                    ? " at line " + (m.getProblemMark().getLine() + 1) : "";
            throw SubscriberProfiles.bad("file", "not valid " + format + where);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<SubscriberProfile> parseTree(Object tree, ObjectMapper json) {
        Object list = tree instanceof Map<?, ?> m ? m.get("subscribers") : tree;
        if (!(list instanceof List<?> entries)) {
            throw SubscriberProfiles.bad("file", "expected a list of subscribers, or a map with a 'subscribers' list");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw SubscriberProfiles.bad("file", "more than " + MAX_ENTRIES + " entries (use count for ranges)");
        }
        List<SubscriberProfile> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw SubscriberProfiles.bad("subscribers[" + i + "]", "not a map");
            }
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) raw);
            for (String f : TEXT_FIELDS) {
                Object v = entry.get(f);
                if (v != null && !(v instanceof String)) {
                    throw SubscriberProfiles.bad("subscribers[" + i + "]." + f, "must be a quoted string");
                }
            }
            if (entry.get("slices") instanceof List<?> slices) {
                List<Object> fixed = new ArrayList<>();
                for (Object s : slices) {
                    if (s instanceof Map<?, ?> sm && sm.get("sd") instanceof Number n) { // sd: 0x010203 read as a number
                        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) sm);
                        copy.put("sd", String.format(Locale.ROOT, "%06x", n.longValue()));
                        fixed.add(copy);
                    } else {
                        fixed.add(s);
                    }
                }
                entry.put("slices", fixed);
            }
            try {
                out.add(json.convertValue(entry, SubscriberProfile.class));
            } catch (JacksonException e) {
                throw SubscriberProfiles.bad("subscribers[" + i + "]", "unexpected field or type at " + where(e));
            }
        }
        return out;
    }

    private static List<SubscriberProfile> parseCsv(String text) {
        List<SubscriberProfile> out = new ArrayList<>();
        List<String> header = null;
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = new ArrayList<>();
                for (String c : cells) {
                    header.add(c.strip().toLowerCase(Locale.ROOT));
                }
                if (!header.contains("imsi") || !header.contains("k")) {
                    throw SubscriberProfiles.bad("csv", "the first line must be a header naming at least imsi and k");
                }
                continue;
            }
            if (cells.length > header.size()) {
                throw SubscriberProfiles.bad("csv line " + (n + 1), "more cells than header columns");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                String v = cells[i].strip();
                if (!v.isEmpty()) {
                    row.put(header.get(i), v);
                }
            }
            Integer count;
            try {
                count = row.containsKey("count") ? Integer.valueOf(row.get("count")) : null;
            } catch (NumberFormatException e) {
                throw SubscriberProfiles.bad("csv line " + (n + 1) + " count", "not a number");
            }
            out.add(new SubscriberProfile(row.get("imsi"), count, row.get("k"), row.get("op"), row.get("opc"), row.get("amf"),
                    row.get("sqn"), row.containsKey("slices") ? slices(row.get("slices"), n + 1) : null, row.get("msisdn"), null, null));
            if (out.size() > MAX_ENTRIES) {
                throw SubscriberProfiles.bad("csv", "more than " + MAX_ENTRIES + " rows (use count for ranges)");
            }
        }
        return out;
    }

    /** Where a JSON error is, without the parser's message (which may quote a secret). */
    static String where(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** {@code 1-010203:internet|ims;2:iot} */
    static List<SubscriberProfile.SliceProfile> slices(String spec, int line) {
        List<SubscriberProfile.SliceProfile> out = new ArrayList<>();
        for (String part : spec.split(";")) {
            String[] sliceAndDnns = part.strip().split(":", 2);
            String[] sstSd = sliceAndDnns[0].split("-", 2);
            try {
                int sst = Integer.parseInt(sstSd[0].strip());
                List<String> dnns = sliceAndDnns.length > 1 ? List.of(sliceAndDnns[1].strip().split("\\|")) : List.of();
                out.add(new SubscriberProfile.SliceProfile(sst, sstSd.length > 1 ? sstSd[1].strip() : null, dnns, null));
            } catch (NumberFormatException e) {
                throw SubscriberProfiles.bad("line " + line + " slices", "expected sst[-sd]:dnn|dnn;... e.g. 1-010203:internet");
            }
        }
        return out;
    }
}
