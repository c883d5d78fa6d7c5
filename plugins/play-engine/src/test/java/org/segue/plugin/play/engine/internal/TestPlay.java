package org.segue.plugin.play.engine.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.Challenge;
import org.segue.api.play.ChallengeDescriptor;
import org.segue.api.play.ChallengeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Small badges and challenges with obvious rules, and event helpers, for the engine's tests. */
final class TestPlay {

    private TestPlay() {
    }

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static UserEvent event(String user, String type, int minute, String... attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new UserEvent(user, type, T0.plusSeconds(60L * minute), map);
    }

    /** Earned at the n-th event of a type. */
    static Badge counting(String id, String type, int n) {
        return new Badge() {
            @Override
            public BadgeDescriptor descriptor() {
                return new BadgeDescriptor(id, id, n + " times " + type);
            }

            @Override
            public BadgeProgress update(BadgeProgress p, UserEvent e) {
                if (!e.type().equals(type) || p.earned()) {
                    return p;
                }
                long c = p.count() + 1;
                return new BadgeProgress(p.badgeId(), p.userId(), Math.min(1, c / (double) n), c, c >= n ? e.time() : null);
            }
        };
    }

    /** Throws on every event: the engine must isolate it. */
    static Badge throwing() {
        return new Badge() {
            @Override
            public BadgeDescriptor descriptor() {
                return new BadgeDescriptor("test.badge.broken/1", "broken", "never");
            }

            @Override
            public BadgeProgress update(BadgeProgress p, UserEvent e) {
                throw new IllegalStateException("boom");
            }
        };
    }

    /** Score = votes received; completed at 2 votes. Open all of March 2026. */
    static Challenge votes(String id) {
        return new Challenge() {
            @Override
            public ChallengeDescriptor descriptor() {
                return new ChallengeDescriptor(id, "votes", "most votes", Instant.parse("2026-03-01T00:00:00Z"),
                        Instant.parse("2026-04-01T00:00:00Z"));
            }

            @Override
            public ChallengeProgress update(ChallengeProgress p, UserEvent e) {
                if (!e.type().equals(UserEventTypes.VOTE_RECEIVED) || !id.equals(e.attributes().get(UserEventTypes.CHALLENGE))) {
                    return p;
                }
                return new ChallengeProgress(p.challengeId(), p.userId(), p.score() + 1, p.score() + 1 >= 2);
            }
        };
    }
}
