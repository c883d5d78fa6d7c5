package org.segue.api.play;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A time-limited challenge whose scores feed leaderboards, contributed by a plugin as a service and
 * registered with {@link SegueChallenge} to set {@link #ID}.
 *
 * <p>Like a {@link Badge}, a challenge keeps no state: {@link #update} is a pure, deterministic
 * function of the stored progress and one event, for the reasons given there. The host passes only
 * events whose time is within the challenge's {@link ChallengeDescriptor#isOpenAt open period};
 * the threading and failure rules of {@link Badge} apply.
 */
@ConsumerType
public interface Challenge {
    /** Service property (String): the challenge id with revision, e.g. {@code segue.challenge.climber/1}. */
    String ID = "segue.challenge.id";

    /** [any] What the challenge is and when it runs; the same value on every call. */
    ChallengeDescriptor descriptor();

    /**
     * Computes the standing after one event.
     *
     * @param current the stored progress, {@link ChallengeProgress#initial} before the first event
     * @param event an event of the same user, within the open period
     * @return the new progress; {@code current} itself when the event does not matter
     */
    ChallengeProgress update(ChallengeProgress current, UserEvent event);
}
