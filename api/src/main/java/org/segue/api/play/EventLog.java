package org.segue.api.play;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's persisted, replayable log of what users do: bundles record {@link UserEvent}s here
 * where they happen (a mix saved, a transition rated, a track played), and the host feeds them to
 * every {@link Badge} and {@link Challenge} and to its leaderboards and analytics.
 *
 * <p>Every event has an id: the {@link UserEventTypes#EVENT_ID} attribute when the producer sets
 * one, else a hash of the whole event (user, type, time to the nanosecond and attributes). Recording
 * an id that is already in the log changes nothing and answers
 * {@link RecordResult.Status#DUPLICATE}, so a producer that retries, or re-delivers a batch after a
 * crash, never counts twice. Two distinct events that are equal in every field need an
 * {@code EVENT_ID} of their own.
 *
 * <p>Example, where a mix is saved:
 * <pre>{@code
 * events.record(new UserEvent(user, UserEventTypes.MIX_CREATED, clock.instant(),
 *         Map.of(UserEventTypes.MIX, mixId, UserEventTypes.TRACK_COUNT, "12")));
 * }</pre>
 *
 * <p>Threads: any; {@code record} returns once the event is durable (it survives a crash of the
 * process) and its effects on badges, challenges and statistics are visible. It does not throw for
 * an event the host refuses (a second vote, too many events in a minute): it answers
 * {@link RecordResult.Status#REJECTED} with the reason. An I/O failure of the store is an
 * {@link java.io.UncheckedIOException}.
 */
@ProviderType
public interface EventLog {

    /** [any] Records one event durably unless its id is already recorded or the host refuses it. */
    RecordResult record(UserEvent event);

    /** [any] The user's recorded events, oldest first: for export, or to show the history. */
    List<UserEvent> history(String userId);

    /**
     * [any] Records several events in one durable write, as {@link #record} would one by one and
     * in order, and answers one result per event. For producers that make many small events at
     * once, such as the {@link UserEventTypes#PLUGIN_USED} timings of one analysis, where a durable
     * write per event would cost more than the work measured.
     *
     * @since 1.2
     */
    List<RecordResult> recordAll(List<UserEvent> events);
}
