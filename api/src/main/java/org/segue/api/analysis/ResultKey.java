package org.segue.api.analysis;

import java.util.Objects;

/**
 * The typed name of one analysis result, e.g. {@code segue.tempo} holding a {@link Tempo}.
 *
 * <p>The name and schema version are written to storage with the value, and stored names are
 * forever: when the meaning or shape of a value changes, the key keeps its name and gets a higher
 * {@code schemaVersion}. Keys are equal only when name, type and version are equal, so asking a
 * library that holds version 1 for version 2 finds nothing and the track is re-analysed on purpose
 * instead of being misread.
 *
 * @param <T> the value type: an immutable record (or other immutable type) the library can store
 * @param name dotted, lower-case, prefixed by the owner, e.g. {@code segue.tempo} or
 *        {@code com.example.vocals}; no whitespace
 * @param type the value class
 * @param schemaVersion the value's schema revision, {@code >= 1}
 */
public record ResultKey<T>(String name, Class<T> type, int schemaVersion) {

    /** Validates the name and version. */
    public ResultKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("name must be non-blank without whitespace: '" + name + "'");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1: " + schemaVersion);
        }
    }
}
