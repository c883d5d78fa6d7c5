package org.segue.api.play;

import java.time.Instant;
import java.util.Objects;

/**
 * What a challenge is and when it runs.
 *
 * @param id the challenge's {@link Challenge#ID}
 * @param name the name shown to users, e.g. {@code "Tempo climber"}
 * @param description how to score, e.g. "Build a set rising from 100 to 140 BPM"
 * @param start when it opens, inclusive
 * @param end when it closes, exclusive, after {@code start}
 */
public record ChallengeDescriptor(String id, String name, String description, Instant start, Instant end) {

    /** Validates. */
    public ChallengeDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("id and name must not be blank");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start: " + start + ".." + end);
        }
    }

    /** True when {@code start <= time < end}. */
    public boolean isOpenAt(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
