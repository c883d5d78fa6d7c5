package org.segue.api.play;

import java.util.Objects;

/**
 * What a badge is, for display.
 *
 * @param id the badge's {@link Badge#ID}
 * @param name the name shown to users, e.g. {@code "Harmonic mixer"}
 * @param description how to earn it, e.g. "Make 10 transitions between compatible keys"
 */
public record BadgeDescriptor(String id, String name, String description) {

    /** Validates. */
    public BadgeDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("id and name must not be blank");
        }
    }
}
