package org.segue.plugin.challenge.core.internal;

import java.time.Clock;
import java.util.HashMap;
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
 * A community vote on mixes: a user enters a mix ({@link UserEventTypes#CHALLENGE_ENTERED}), other
 * users vote for it, and every vote the user's entries receive ({@link UserEventTypes#VOTE_RECEIVED},
 * derived by the host from a vote, which keeps one vote per voter and mix and none for one's own) is a
 * point. Votes for a mix that was not entered count nothing. The entered mixes are the progress state.
 */
@Component(configurationPid = CommunityVoteChallenge.PID)
@Designate(ocd = CommunityVoteChallenge.Config.class)
public class CommunityVoteChallenge implements Challenge {
    static final String PID = "org.segue.plugin.challenge.core.vote";
    static final int REVISION = 1;
    static final int MAX_ENTRIES = 10;

    @ObjectClassDefinition(name = "Segue community vote challenge", description = "Mixes voted on by other users")
    public @interface Config {
        @AttributeDefinition(description = "First day, e.g. 2026-11-23; empty means this week's Monday (UTC)")
        String start() default "";

        @AttributeDefinition(description = "How many days it runs")
        int days() default 7;

        @AttributeDefinition(description = "Votes that complete the challenge")
        int votes() default 3;
    }

    private ChallengeDescriptor descriptor;
    private int votes;

    @Activate
    void activate(Config config) {
        configure(Period.of(config.start(), config.days(), Clock.systemUTC()), config.votes());
    }

    void configure(Period period, int votes) {
        if (votes < 1) {
            throw new IllegalArgumentException("votes must be at least 1: " + votes);
        }
        this.votes = votes;
        this.descriptor = period.descriptor("vote", REVISION, "Community vote",
                "Enter a mix (up to " + MAX_ENTRIES + "); each vote from another user is a point, " + votes + " complete it", true);
    }

    @Override
    public ChallengeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ChallengeProgress update(ChallengeProgress current, UserEvent event) {
        Map<String, String> a = event.attributes();
        if (!descriptor.id().equals(a.get(UserEventTypes.CHALLENGE))) {
            return current;
        }
        String mix = a.get(UserEventTypes.MIX);
        if (mix == null || mix.isBlank()) {
            return current;
        }
        if (event.type().equals(UserEventTypes.CHALLENGE_ENTERED)) {
            if (current.state().containsKey(mix) || current.state().size() >= MAX_ENTRIES) {
                return current;
            }
            Map<String, String> entries = new HashMap<>(current.state());
            entries.put(mix, event.time().toString());
            return new ChallengeProgress(current.challengeId(), current.userId(), current.score(), current.completed(), entries);
        }
        if (event.type().equals(UserEventTypes.VOTE_RECEIVED) && current.state().containsKey(mix)) {
            double score = current.score() + 1;
            return new ChallengeProgress(current.challengeId(), current.userId(), score, score >= votes, current.state());
        }
        return current;
    }
}
