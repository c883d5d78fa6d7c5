package org.segue.plugin.challenge.core.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

import org.segue.api.play.ChallengeDescriptor;

/**
 * When a configured challenge runs: from a start date (UTC midnight; empty means the Monday of the
 * week the component is activated in) for a number of days. The date is part of the challenge id,
 * so each run of a challenge has its own progress and leaderboard, and a replay finds the same one.
 */
record Period(LocalDate start, int days) {

    Period {
        if (days < 1) {
            throw new IllegalArgumentException("a challenge runs at least one day: days = " + days);
        }
    }

    /** Parses the configured start, naming the field when it is malformed. */
    static Period of(String configuredStart, int days, Clock clock) {
        LocalDate start;
        if (configuredStart == null || configuredStart.isBlank()) {
            start = LocalDate.now(clock.withZone(ZoneOffset.UTC)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } else {
            try {
                start = LocalDate.parse(configuredStart.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("start must be a date like 2026-11-23: " + configuredStart, e);
            }
        }
        return new Period(start, days);
    }

    Instant from() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant until() {
        return from().plus(Duration.ofDays(days));
    }

    /** {@code segue.challenge.<kind>-<start date>/<revision>}. */
    String id(String kind, int revision) {
        return "segue.challenge." + kind + "-" + start + "/" + revision;
    }

    ChallengeDescriptor descriptor(String kind, int revision, String name, String description, boolean takesEntries) {
        return new ChallengeDescriptor(id(kind, revision), name, description, from(), until(), takesEntries);
    }
}
