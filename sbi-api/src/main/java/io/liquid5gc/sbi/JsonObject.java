package io.liquid5gc.sbi;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Any JSON object: the body of a function whose 3GPP data model is not typed yet. */
public final class JsonObject {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public JsonObject() {
    }

    public JsonObject(Map<String, ?> fields) {
        this.fields.putAll(fields);
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    @JsonAnySetter
    public void set(String name, Object value) {
        fields.put(name, value);
    }

    public Object get(String name) {
        return fields.get(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
