package org.segue.plugin.challenge.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Beat the clock: after joining ({@link UserEventTypes#CHALLENGE_JOINED}; only the first join
 * starts the clock, so joining again cannot reset a bad run), save a mix of at least N tracks
 * within the time limit. The score is the seconds left on the clock, the best run counting; the
 * join time is the progress state.
 */
@Component(configurationPid = BeatTheClockChallenge.PID)
@Designate(ocd = BeatTheClockChallenge.Config.class)
public class BeatTheClockChallenge implements Challenge {
    static final String PID = "org.segue.plugin.challenge.core.clock";
    static final int REVISION = 1;
    static final String JOINED = "joined";

    @ObjectClassDefinition(name = "Segue beat-the-clock challenge", description = "A mix of N tracks against the clock")
    public @interface Config {
        @AttributeDefinition(description = "First day, e.g. 2026-11-23; empty means this week's Monday (UTC)")
        String start() default "";

        @AttributeDefinition(description = "How many days it runs")
        int days() default 7;

        @AttributeDefinition(description = "Tracks the mix needs")
        int tracks() default 8;

        @AttributeDefinition(description = "Time limit after joining, minutes")
        int minutes() default 20;
    }

    private ChallengeDescriptor descriptor;
    private int tracks;
    private Duration limit;

    @Activate
    void activate(Config config) {
        configure(Period.of(config.start(), config.days(), Clock.systemUTC()), config.tracks(), config.minutes());
    }

    void configure(Period period, int tracks, int minutes) {
        if (tracks < 2 || minutes < 1) {
            throw new IllegalArgumentException("need tracks >= 2 and minutes >= 1: " + tracks + ", " + minutes);
        }
        this.tracks = tracks;
        this.limit = Duration.ofMinutes(minutes);
        this.descriptor = period.descriptor("clock-" + tracks + "x" + minutes + "min", REVISION, "Beat the clock",
                "Join, then save a mix of " + tracks + " tracks within " + minutes + " minutes; seconds left score", false);
    }

    @Override
    public ChallengeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ChallengeProgress update(ChallengeProgress current, UserEvent event) {
        String joined = current.state().get(JOINED);
        if (event.type().equals(UserEventTypes.CHALLENGE_JOINED)) {
            if (joined != null || !descriptor.id().equals(event.attributes().get(UserEventTypes.CHALLENGE))) {
                return current;
            }
            return new ChallengeProgress(current.challengeId(), current.userId(), current.score(), current.completed(),
                    Map.of(JOINED, event.time().toString()));
        }
        if (joined == null || !event.type().equals(UserEventTypes.MIX_CREATED)) {
            return current;
        }
        double count = Numbers.parse(event.attributes().get(UserEventTypes.TRACK_COUNT));
        Duration taken = Duration.between(Instant.parse(joined), event.time());
        if (!(count >= tracks) || taken.isNegative() || taken.compareTo(limit) > 0) {
            return current;
        }
        double secondsLeft = limit.minus(taken).toMillis() / 1000.0;
        if (current.completed() && secondsLeft <= current.score()) {
            return current;
        }
        return new ChallengeProgress(current.challengeId(), current.userId(), Math.max(current.score(), secondsLeft), true,
                current.state());
    }
}
