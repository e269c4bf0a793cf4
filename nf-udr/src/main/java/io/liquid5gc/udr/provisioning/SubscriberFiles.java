package io.liquid5gc.udr.provisioning;

import io.liquid5gc.sbi.common.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

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
 *
 * <p>Every format is read as a stream ({@link #read}): one entry at a time is handed on as soon as it is read, and
 * memory holds one entry, never the file. CSV is read line by line, a line at most {@link #MAX_ENTRY_BYTES} long;
 * JSON with Jackson's streaming parser, one array element at a time; YAML as parser events, one item of the
 * sequence at a time (anchors and merge keys work, at most {@link #MAX_YAML_ALIASES} aliases to a collection per
 * file, as before). A JSON or YAML entry is at most about {@link #MAX_ENTRY_BYTES} too.
 */
final class SubscriberFiles {

    static final int MAX_ENTRIES = 100_000;
    /** The longest CSV line, and about the largest JSON or YAML entry. */
    static final int MAX_ENTRY_BYTES = 64 * 1024;
    static final int MAX_YAML_ALIASES = 10;
    /** What a parser may read ahead of the entry it is on (Jackson's 8000-byte buffer, SnakeYAML's reader's 8 KiB). */
    private static final int READ_AHEAD = 16 * 1024;
    private static final List<String> TEXT_FIELDS = List.of("imsi", "k", "op", "opc", "amf", "sqn", "msisdn");
    private static final String SHAPE = "expected a list of subscribers, or a map with a 'subscribers' list";

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

    /**
     * One entry of a file as it was read.
     *
     * @param where where it is in the file, for errors ({@code csv line 7}, {@code subscribers[5] (line 31)}): a
     *              place, never a value
     */
    record Entry(SubscriberProfile profile, String where) {
    }

    /** The entries of a whole text, in order (a small file: the default subscribers). */
    static List<SubscriberProfile> parse(String text, Format format, ObjectMapper json) {
        List<SubscriberProfile> out = new ArrayList<>();
        read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, json, e -> {
            out.add(e.profile());
            if (out.size() > MAX_ENTRIES) {
                throw SubscriberProfiles.bad("file", "more than " + MAX_ENTRIES + " entries (use count for ranges)");
            }
        });
        return out;
    }

    /**
     * Reads a file from a stream, handing each entry to {@code sink} as soon as it is read (the sink may write it; an
     * exception of the sink stops the reading). Throws a 400 {@link ProblemException} naming the line at the first
     * error; everything the sink got before it was valid.
     */
    static void read(InputStream in, Format format, ObjectMapper json, Consumer<Entry> sink) {
        switch (format) {
            case CSV -> readCsv(in, sink);
            case JSON -> readJson(in, json, sink);
            case YAML -> readYaml(in, json, sink);
        }
    }

    private static void readCsv(InputStream in, Consumer<Entry> sink) {
        BoundedLines lines = new BoundedLines(in, MAX_ENTRY_BYTES);
        List<String> header = null;
        for (String raw = lines.next(); raw != null; raw = lines.next()) {
            int n = lines.number();
            String line = (n == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
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
                    throw SubscriberProfiles.bad("csv line " + n, "the first line must be a header naming at least imsi and k");
                }
                continue;
            }
            if (cells.length > header.size()) {
                throw SubscriberProfiles.bad("csv line " + n, "more cells than header columns");
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
                throw SubscriberProfiles.bad("csv line " + n + " count", "not a number");
            }
            sink.accept(new Entry(new SubscriberProfile(row.get("imsi"), count, row.get("k"), row.get("op"), row.get("opc"),
                    row.get("amf"), row.get("sqn"), row.containsKey("slices") ? slices(row.get("slices"), n) : null,
                    row.get("msisdn"), null, null), "csv line " + n));
        }
    }

    private static void readJson(InputStream in, ObjectMapper json, Consumer<Entry> sink) {
        EntryWindow window = new EntryWindow(in, MAX_ENTRY_BYTES, READ_AHEAD);
        try (JsonParser p = json.createParser(window)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                readJsonArray(p, window, json, sink);
            } else if (t == JsonToken.START_OBJECT) {
                boolean found = false;
                window.start("file");
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    t = p.nextToken();
                    if (!found && "subscribers".equals(name) && t == JsonToken.START_ARRAY) {
                        readJsonArray(p, window, json, sink);
                        found = true;
                    } else {
                        p.skipChildren();
                    }
                    window.start("file");
                }
                if (!found) {
                    throw SubscriberProfiles.bad("file", SHAPE);
                }
            } else if (t != null) {
                throw SubscriberProfiles.bad("file", SHAPE);
            }
            if (p.nextToken() != null) {
                throw SubscriberProfiles.bad("file", "not valid JSON at line " + p.currentTokenLocation().getLineNr()
                        + ": more after the end");
            }
        } catch (JacksonException e) {
            rethrowOurs(e);
            throw SubscriberProfiles.bad("file", "not valid JSON at " + where(e));
        }
    }

    private static void readJsonArray(JsonParser p, EntryWindow window, ObjectMapper json, Consumer<Entry> sink) {
        ObjectReader entries = json.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // the next entry follows
        int i = 0;
        window.start("subscribers[0]");
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; window.start("subscribers[" + ++i + "]"), t = p.nextToken()) {
            if (t == null) {
                throw SubscriberProfiles.bad("file", "not valid JSON: the list of subscribers is not closed");
            }
            int line = p.currentTokenLocation().getLineNr();
            String place = "subscribers[" + i + "]";
            window.name(place + " (line " + line + ")");
            Object value;
            try {
                value = entries.readValue(p);
            } catch (JacksonException e) {
                rethrowOurs(e);
                throw SubscriberProfiles.bad(place + " (line " + line + ")", "not valid JSON at " + location(e));
            }
            sink.accept(new Entry(toProfile(value, place, line, json), place + " (line " + line + ")"));
        }
    }

    private static void readYaml(InputStream in, ObjectMapper json, Consumer<Entry> sink) {
        EntryWindow window = new EntryWindow(in, MAX_ENTRY_BYTES, READ_AHEAD);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // the window bounds each entry instead
        try {
            new YamlItems(new Yaml(options).parse(new InputStreamReader(window, StandardCharsets.UTF_8)).iterator(), options,
                    window, json, sink).read();
        } catch (YAMLException e) {
            rethrowOurs(e);
            String where = e instanceof MarkedYAMLException m && m.getProblemMark() != null
                    ? " at line " + (m.getProblemMark().getLine() + 1) : "";
            throw SubscriberProfiles.bad("file", "not valid YAML" + where);
        }
    }

    /** A YAML file read event by event: each item of the subscribers sequence is composed and constructed alone. */
    private static final class YamlItems {
        private final Iterator<Event> events;
        private final EntryWindow window;
        private final ObjectMapper json;
        private final Consumer<Entry> sink;
        private final Resolver resolver = new Resolver();
        private final ItemConstructor constructor;
        private final Map<String, Node> anchors = new HashMap<>();
        private int aliases;

        YamlItems(Iterator<Event> events, LoaderOptions options, EntryWindow window, ObjectMapper json, Consumer<Entry> sink) {
            this.events = events;
            this.window = window;
            this.json = json;
            this.sink = sink;
            this.constructor = new ItemConstructor(options);
        }

        void read() {
            expect(Event.ID.StreamStart);
            Event e = next();
            if (e.is(Event.ID.StreamEnd)) {
                return; // an empty file
            }
            if (!e.is(Event.ID.DocumentStart)) {
                throw SubscriberProfiles.bad("file", "not valid YAML");
            }
            Event root = next();
            if (root instanceof SequenceStartEvent s) {
                register(s, null);
                items();
            } else if (root instanceof MappingStartEvent m) {
                register(m, null);
                boolean found = false;
                window.start("file");
                for (Event key = next(); !key.is(Event.ID.MappingEnd); window.start("file"), key = next()) {
                    boolean subscribers = key instanceof ScalarEvent k && "subscribers".equals(k.getValue());
                    compose(key);
                    Event value = next();
                    if (!found && subscribers && value instanceof SequenceStartEvent s) {
                        register(s, null);
                        items();
                        found = true;
                    } else {
                        compose(value); // kept only when anchored (a merge key's defaults)
                    }
                }
                if (!found) {
                    throw SubscriberProfiles.bad("file", SHAPE);
                }
            } else if (!(root instanceof ScalarEvent s && s.getValue().isEmpty() && s.isPlain())) {
                throw SubscriberProfiles.bad("file", SHAPE);
            } else {
                return; // an empty document, as before: no subscribers
            }
            expect(Event.ID.DocumentEnd);
            if (!next().is(Event.ID.StreamEnd)) {
                throw SubscriberProfiles.bad("file", "one YAML document only");
            }
        }

        private void items() {
            int i = 0;
            window.start("subscribers[0]"); // before its first event: the scanner reads ahead to find it
            for (Event e = next(); !e.is(Event.ID.SequenceEnd); window.start("subscribers[" + ++i + "]"), e = next()) {
                int line = e.getStartMark().getLine() + 1;
                String place = "subscribers[" + i + "]";
                window.name(place + " (line " + line + ")");
                Object value = constructor.construct(compose(e));
                sink.accept(new Entry(toProfile(value, place, line, json), place + " (line " + line + ")"));
            }
        }

        /** The node that begins with {@code first}, read to its end (SnakeYAML's composer, one node at a time). */
        private Node compose(Event first) {
            if (first instanceof AliasEvent a) {
                Node n = anchors.get(a.getAnchor());
                if (n == null) {
                    throw SubscriberProfiles.bad("file", "YAML alias without an anchor at line " + (a.getStartMark().getLine() + 1));
                }
                if (n.getNodeId() != NodeId.scalar && ++aliases > MAX_YAML_ALIASES) {
                    throw SubscriberProfiles.bad("file", "more than " + MAX_YAML_ALIASES + " YAML aliases to lists or maps");
                }
                return n;
            }
            if (first instanceof ScalarEvent s) {
                boolean resolved = s.getTag() == null || s.getTag().equals("!");
                Tag tag = resolved ? resolver.resolve(NodeId.scalar, s.getValue(), s.getImplicit().canOmitTagInPlainScalar())
                        : new Tag(s.getTag());
                Node n = new ScalarNode(tag, resolved, s.getValue(), s.getStartMark(), s.getEndMark(), s.getScalarStyle());
                return register(s, n);
            }
            if (first instanceof SequenceStartEvent s) {
                List<Node> children = new ArrayList<>();
                SequenceNode n = new SequenceNode(tag(s, Tag.SEQ), isImplicit(s), children, s.getStartMark(), null, s.getFlowStyle());
                register(s, n);
                for (Event e = next(); !e.is(Event.ID.SequenceEnd); e = next()) {
                    children.add(compose(e));
                }
                return n;
            }
            if (first instanceof MappingStartEvent m) {
                List<NodeTuple> children = new ArrayList<>();
                MappingNode n = new MappingNode(tag(m, Tag.MAP), isImplicit(m), children, m.getStartMark(), null, m.getFlowStyle());
                register(m, n);
                for (Event e = next(); !e.is(Event.ID.MappingEnd); e = next()) {
                    Node key = compose(e);
                    if (Tag.MERGE.equals(key.getTag())) {
                        n.setMerged(true); // as SnakeYAML's composer does: the constructor then merges
                    }
                    children.add(new NodeTuple(key, compose(next())));
                }
                return n;
            }
            throw SubscriberProfiles.bad("file", "not valid YAML at line " + (first.getStartMark().getLine() + 1));
        }

        private static Tag tag(CollectionStartEvent e, Tag implicit) {
            return isImplicit(e) ? implicit : new Tag(e.getTag());
        }

        private static boolean isImplicit(CollectionStartEvent e) {
            return e.getTag() == null || e.getTag().equals("!");
        }

        private Node register(NodeEvent e, Node n) {
            if (e.getAnchor() != null && n != null) {
                if (!anchors.containsKey(e.getAnchor()) && anchors.size() >= MAX_YAML_ALIASES) {
                    throw SubscriberProfiles.bad("file", "more than " + MAX_YAML_ALIASES + " YAML anchors");
                }
                anchors.put(e.getAnchor(), n);
            }
            return n;
        }

        private void expect(Event.ID id) {
            Event e = next();
            if (!e.is(id)) {
                Mark m = e.getStartMark();
                throw SubscriberProfiles.bad("file", "not valid YAML" + (m == null ? "" : " at line " + (m.getLine() + 1)));
            }
        }

        private Event next() {
            if (!events.hasNext()) {
                throw SubscriberProfiles.bad("file", "not valid YAML: it ends too early");
            }
            return events.next();
        }
    }

    /** SnakeYAML's safe constructor for one composed item at a time (its caches cleared after each). */
    private static final class ItemConstructor extends SafeConstructor {
        ItemConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }

    /** A limit or an error of ours that a parser wrapped: thrown as it is. */
    private static void rethrowOurs(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ProblemException p) {
                throw p;
            }
            if (t instanceof org.springframework.core.io.buffer.DataBufferLimitException l) {
                throw l;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static SubscriberProfile toProfile(Object raw, String place, int line, ObjectMapper json) {
        String at = " (line " + line + ")";
        if (!(raw instanceof Map<?, ?> map)) {
            throw SubscriberProfiles.bad(place + at, "not a map");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        map.forEach((k, v) -> entry.put(String.valueOf(k), v));
        for (String f : TEXT_FIELDS) {
            Object v = entry.get(f);
            if (v != null && !(v instanceof String)) {
                throw SubscriberProfiles.bad(place + "." + f + at, "must be a quoted string");
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
            return json.convertValue(entry, SubscriberProfile.class);
        } catch (JacksonException e) {
            throw SubscriberProfiles.bad(place + at, "unexpected field or type at " + where(e));
        }
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
        return location(e);
    }

    private static String location(JacksonException e) {
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
                throw SubscriberProfiles.bad("csv line " + line + " slices", "expected sst[-sd]:dnn|dnn;... e.g. 1-010203:internet");
            }
        }
        return out;
    }
}
