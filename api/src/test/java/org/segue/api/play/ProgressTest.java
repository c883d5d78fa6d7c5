package org.segue.api.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void badgeProgressIsEarnedOnlyWhenComplete() {
        BadgeProgress initial = BadgeProgress.initial("segue.badge.first-mix/1", "u1");
        assertFalse(initial.earned());
        assertEquals(0, initial.fraction());
        assertEquals(0, initial.count());

        assertTrue(new BadgeProgress("b", "u1", 1, 10, T0).earned());
        assertThrows(IllegalArgumentException.class, () -> new BadgeProgress("b", "u1", 0.5, 5, T0));
        assertThrows(IllegalArgumentException.class, () -> new BadgeProgress("b", "u1", 1.5, 5, null));
        assertThrows(IllegalArgumentException.class, () -> new BadgeProgress("b", "u1", 0.5, -1, null));
    }

    @Test
    void challengesAreOpenFromStartToBeforeEnd() {
        ChallengeDescriptor challenge = new ChallengeDescriptor("c/1", "Climb", "Rise in tempo", T0, T1);

        assertFalse(challenge.isOpenAt(T0.minusMillis(1)));
        assertTrue(challenge.isOpenAt(T0));
        assertTrue(challenge.isOpenAt(T1.minusMillis(1)));
        assertFalse(challenge.isOpenAt(T1));
        assertThrows(IllegalArgumentException.class, () -> new ChallengeDescriptor("c/1", "C", "", T1, T0));
        assertThrows(IllegalArgumentException.class, () -> new ChallengeDescriptor("c/1", "C", "", T0, T0));
        assertFalse(challenge.takesEntries(), "a challenge of package 1.2 takes no entries");
        assertTrue(new ChallengeDescriptor("v/1", "Vote", "Enter a mix", T0, T1, true).takesEntries());
        assertThrows(IllegalArgumentException.class, () -> new ChallengeProgress("c/1", "u1", -1, false));
        assertEquals(0, ChallengeProgress.initial("c/1", "u1").score());
    }

    @Test
    void eventsCopyTheirAttributes() {
        Map<String, String> attributes = new HashMap<>(Map.of(UserEventTypes.TRACK, "t1"));
        UserEvent event = new UserEvent("u1", UserEventTypes.TRACK_PLAYED, T0, attributes);
        attributes.put(UserEventTypes.MIX, "m1");

        assertEquals(Map.of(UserEventTypes.TRACK, "t1"), event.attributes());
        assertTrue(new UserEvent("u1", UserEventTypes.MIX_SHARED, T0, null).attributes().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new UserEvent("u1", " ", T0, Map.of()));
    }
}
