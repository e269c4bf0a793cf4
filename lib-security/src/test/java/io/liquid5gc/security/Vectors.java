package io.liquid5gc.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads test vectors from {@code src/test/resources/vectors/<file>}: one vector a line, {@code name key=value ...},
 * '#' comments. The source of each file is named in its header.
 */
public final class Vectors {
    private Vectors() {
    }

    public record Vector(String name, Map<String, String> fields) {
        public String str(String key) {
            String v = fields.get(key);
            if (v == null) {
                throw new IllegalArgumentException(name + ": no field " + key);
            }
            return v;
        }

        public boolean has(String key) {
            return fields.containsKey(key) && !fields.get(key).equals("-");
        }

        public byte[] hex(String key) {
            String v = str(key);
            return v.equals("-") ? new byte[0] : Hex.decode(v);
        }

        /** A hex field as a 32-bit int (COUNT, MAC). */
        public int hexInt(String key) {
            return (int) Long.parseLong(str(key), 16);
        }

        public long num(String key) {
            return Long.parseLong(str(key));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Vector> load(String file) {
        InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file);
        if (in == null) {
            throw new IllegalArgumentException("no vector file " + file);
        }
        List<Vector> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                Map<String, String> f = new LinkedHashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    if (eq < 0) {
                        throw new IllegalArgumentException(file + ": bad field " + parts[i]);
                    }
                    f.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
                out.add(new Vector(parts[0], f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no vectors in " + file);
        }
        return out;
    }

    /** The first {@code bits} bits of {@code data}, with the rest of the last octet cleared. */
    public static byte[] maskBits(byte[] data, long bits) {
        int n = (int) ((bits + 7) / 8);
        byte[] r = java.util.Arrays.copyOf(data, n);
        int rem = (int) (bits & 7);
        if (rem != 0) {
            r[n - 1] &= (byte) (0xff << (8 - rem));
        }
        return r;
    }
}
