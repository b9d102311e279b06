package dev.gb28181.manscdp;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A MANSCDP element that keeps what it does not model: devices add vendor elements and the 2016 and
 * 2022 editions of GB/T 28181 (Annex A) differ, so every element that is not a typed property lands in
 * {@link #getExtensions()} (text as {@code String}, nested elements as {@code Map}, repeated ones as
 * {@code List}) and is written back on encoding. A typed value a device wrote in an unreadable form
 * (a time such as {@code 24/5/4}) is also kept there as its raw text instead of failing the message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ManscdpElement {

    /** Created with the first extension: most elements have none, and a large catalog has many elements. */
    private Map<String, Object> extensions;

    /** Elements this class does not model, by element name, in document order (read-only). */
    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions == null ? Map.of() : Collections.unmodifiableMap(extensions);
    }

    /** The map to add to, created on first use. */
    private Map<String, Object> writableExtensions() {
        if (extensions == null) {
            extensions = new LinkedHashMap<>(4);
        }
        return extensions;
    }

    /** The extensions without a read-only wrapper, for equals and hashCode on hot paths (catalog sets). */
    private Map<String, Object> extensionsOrEmpty() {
        return extensions == null ? Map.of() : extensions;
    }

    /** Keeps an element this class does not model; a repeated name collects its values into a list. */
    @JsonAnySetter
    @SuppressWarnings("unchecked")
    public void setExtension(String name, Object value) {
        Object previous = writableExtensions().putIfAbsent(name, value);
        if (previous instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else if (previous != null) {
            List<Object> list = new ArrayList<>(2);
            list.add(previous);
            list.add(value);
            extensions.put(name, list);
        }
    }

    /** Copies another element's extensions into this one (used by copies and merges). */
    void copyExtensions(ManscdpElement other) {
        if (other.extensions != null) {
            writableExtensions().putAll(other.extensions);
        }
    }

    /** Keeps {@code value} under {@code name} unless this element already has that name. */
    void putExtensionIfAbsent(String name, Object value) {
        writableExtensions().putIfAbsent(name, value);
    }

    /** Drops the extensions {@code taken} accepts (a field another element adopted). */
    void removeExtensions(BiPredicate<String, Object> taken) {
        if (extensions != null) {
            extensions.entrySet().removeIf(e -> taken.test(e.getKey(), e.getValue()));
        }
    }

    boolean extensionsEqual(ManscdpElement other) {
        return extensionsOrEmpty().equals(other.extensionsOrEmpty());
    }

    int extensionsHash() {
        return extensionsOrEmpty().hashCode();
    }
}
