package org.segue.marketplace.server.internal.bundle;

import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header: {@code a.b;c.d;version="[1,2)";resolution:=optional}.
 *
 * @param paths the names the clause applies to (packages, namespaces, symbolic names)
 * @param attributes attribute values, unquoted, in order
 * @param types the declared type of typed attributes ({@code version:Version=1.0}), by name
 * @param directives directive values, unquoted
 */
public record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> types,
                     Map<String, String> directives) {

    public Clause {
        paths = List.copyOf(paths);
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        types = Map.copyOf(types);
        directives = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(directives));
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    public String directive(String name) {
        return directives.get(name);
    }

    /** The declared type of an attribute, {@code String} when none is given. */
    public String type(String name) {
        return types.getOrDefault(name, "String");
    }
}
