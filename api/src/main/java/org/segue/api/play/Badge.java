package org.segue.api.play;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A badge users earn by what they do, contributed by a plugin as a service and registered with
 * {@link SegueBadge} to set {@link #ID}.
 *
 * <p>A badge keeps no state of its own: {@link #update} is a pure function of the stored progress
 * and one event. The host stores progress per user and may replay a user's whole event log, for
 * instance when a badge is installed after the events happened. That makes badges survive
 * restarts and updates without migrations, keeps users apart without the badge knowing about
 * users, and makes a badge testable with a list of events.
 *
 * <p>Who calls: the kernel's play service, from worker threads; calls for one user are in event
 * time order and never concurrent, calls for different users may be. Implementations are
 * thread-safe by being stateless, and deterministic: they read the time from the event, never the
 * clock.
 *
 * <p>Failure: an exception is reported with the badge's id and the event is skipped for this badge.
 */
@ConsumerType
public interface Badge {
    /** Service property (String): the badge id with revision, e.g. {@code segue.badge.harmonic/1}. */
    String ID = "segue.badge.id";

    /** [any] What the badge is; the same value on every call. */
    BadgeDescriptor descriptor();

    /**
     * Computes the progress after one event. The host keeps an earned badge earned whatever later
     * calls return.
     *
     * @param current the stored progress, {@link BadgeProgress#initial} before the first event
     * @param event an event of the same user
     * @return the new progress; {@code current} itself when the event does not matter, so the host
     *         can skip the write
     */
    BadgeProgress update(BadgeProgress current, UserEvent event);
}
