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
 * @param takesEntries whether users enter mixes into it for others to see and judge (a vote); when
 *        false it scores what users do anyway (mixes they make, how fast), so a host offers no way
 *        to enter one
 */
public record ChallengeDescriptor(String id, String name, String description, Instant start, Instant end,
        boolean takesEntries) {

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

    /**
     * A challenge that takes no entries, as every challenge was before {@code takesEntries} came
     * (package version 1.3).
     */
    public ChallengeDescriptor(String id, String name, String description, Instant start, Instant end) {
        this(id, name, description, start, end, false);
    }

    /** True when {@code start <= time < end}. */
    public boolean isOpenAt(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
