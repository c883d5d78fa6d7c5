package org.segue.api.play;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a user did. String attributes keep events plain data, so the log stores and replays
 * events of types the host has never heard of.
 *
 * @param userId the user, non-blank
 * @param type what happened, one of {@link UserEventTypes} or a plugin's own type; non-blank
 * @param time when it happened
 * @param attributes details, as {@link UserEventTypes} lists per type; copied
 */
public record UserEvent(String userId, String type, Instant time, Map<String, String> attributes) {

    /** Validates and copies. */
    public UserEvent {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        if (userId.isBlank() || type.isBlank()) {
            throw new IllegalArgumentException("userId and type must not be blank");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
