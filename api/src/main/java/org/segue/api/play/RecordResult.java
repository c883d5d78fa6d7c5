package org.segue.api.play;

import java.util.Objects;

/**
 * What {@link EventLog#record} did with an event.
 *
 * @param eventId the event's id (see {@link EventLog}), also for a duplicate or a refused event
 * @param status recorded, a duplicate of a recorded event, or refused
 * @param reason why it was refused, for the user; empty otherwise
 * @since 1.1
 */
public record RecordResult(String eventId, Status status, String reason) {

    /** The outcomes of {@link EventLog#record}. */
    public enum Status {
        /** Newly stored and applied. */
        RECORDED,
        /** Its id was recorded before: nothing changed. */
        DUPLICATE,
        /** Refused by the host's rules (one vote per user and entry, rate limits…): not stored. */
        REJECTED
    }

    /** Validates. */
    public RecordResult {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }
}
