package org.segue.plugin.challenge.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * A weekly theme with a constraint, by default "a 30-minute set from 90 to 130 BPM": a saved mix
 * whose every track's tempo ({@link UserEventTypes#BPMS}) is within the range scores its length in
 * minutes ({@link UserEventTypes#DURATION}); the user's longest such set counts, and one at least
 * the required length completes the challenge. A set with a track out of range, or without tempi,
 * scores nothing.
 */
@Component(configurationPid = WeeklyThemeChallenge.PID)
@Designate(ocd = WeeklyThemeChallenge.Config.class)
public class WeeklyThemeChallenge implements Challenge {
    static final String PID = "org.segue.plugin.challenge.core.weekly";
    static final int REVISION = 1;
    /** Longer sets score no more, so a ten-hour upload does not end the contest. */
    static final double MAX_MINUTES = 180;

    @ObjectClassDefinition(name = "Segue weekly theme challenge", description = "A set within a tempo range")
    public @interface Config {
        @AttributeDefinition(description = "First day, e.g. 2026-11-23; empty means this week's Monday (UTC)")
        String start() default "";

        @AttributeDefinition(description = "How many days it runs")
        int days() default 7;

        @AttributeDefinition(description = "Slowest tempo allowed, BPM")
        double minBpm() default 90;

        @AttributeDefinition(description = "Fastest tempo allowed, BPM")
        double maxBpm() default 130;

        @AttributeDefinition(description = "Length of set that completes the challenge, minutes")
        double minutes() default 30;
    }

    private ChallengeDescriptor descriptor;
    private double minBpm;
    private double maxBpm;
    private double minutes;

    @Activate
    void activate(Config config) {
        configure(Period.of(config.start(), config.days(), Clock.systemUTC()), config.minBpm(), config.maxBpm(), config.minutes());
    }

    void configure(Period period, double minBpm, double maxBpm, double minutes) {
        if (!(minBpm > 0 && maxBpm > minBpm && minutes > 0)) {
            throw new IllegalArgumentException("need 0 < minBpm < maxBpm and minutes > 0: " + minBpm + ", " + maxBpm + ", " + minutes);
        }
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
        this.minutes = minutes;
        // The rule is part of the id, so a changed rule is a different challenge with its own board.
        String kind = String.format(Locale.ROOT, "weekly-%.0f-%.0f-%.0fmin", minBpm, maxBpm, minutes);
        this.descriptor = period.descriptor(kind, REVISION, "Weekly theme: " + String.format(Locale.ROOT, "%.0f-%.0f BPM", minBpm, maxBpm),
                String.format(Locale.ROOT, "Mix a %.0f-minute set with every track from %.0f to %.0f BPM; the longest set scores its minutes",
                        minutes, minBpm, maxBpm), false);
    }

    @Override
    public ChallengeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ChallengeProgress update(ChallengeProgress current, UserEvent event) {
        if (!event.type().equals(UserEventTypes.MIX_CREATED)) {
            return current;
        }
        double seconds = Numbers.parse(event.attributes().get(UserEventTypes.DURATION));
        List<Double> bpms = bpms(event.attributes().get(UserEventTypes.BPMS));
        if (!(seconds > 0) || bpms.isEmpty() || bpms.stream().anyMatch(b -> !(b >= minBpm && b <= maxBpm))) {
            return current;
        }
        double score = Math.min(MAX_MINUTES, Math.floor(seconds / 6) / 10); // minutes to a tenth
        if (score <= current.score()) {
            return current;
        }
        return new ChallengeProgress(current.challengeId(), current.userId(), score,
                current.completed() || seconds >= minutes * 60, current.state());
    }

    private static List<Double> bpms(String value) {
        List<Double> out = new ArrayList<>();
        if (value != null && !value.isBlank()) {
            for (String s : value.split(",", -1)) {
                out.add(Numbers.parse(s));
            }
        }
        return out;
    }
}
