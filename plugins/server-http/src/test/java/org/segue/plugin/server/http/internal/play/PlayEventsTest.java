package org.segue.plugin.server.http.internal.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.plugin.server.http.internal.music.MixDtos.MixDto;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;
import org.segue.plugin.server.http.internal.music.MixDtos.TransitionDto;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;

/** The events the music routes record: what badges, challenges and analytics read from them. */
class PlayEventsTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final TrackDto TRACK = new TrackDto("t1", "One", "A", null, "techno", 200, 124.004, "8A", "A minor", 0.61, -9.0, null);

    @Test
    void feedbackKindsBecomeTheirEvents() {
        UserEvent play = PlayEvents.feedback("alice", TRACK, "play", NOW);
        assertEquals(UserEventTypes.TRACK_PLAYED, play.type());
        assertEquals("alice", play.userId());
        assertEquals("t1", play.attributes().get(UserEventTypes.TRACK));
        assertEquals("124.00", play.attributes().get(UserEventTypes.BPM));
        assertEquals("8A", play.attributes().get(UserEventTypes.KEY));
        assertEquals("techno", play.attributes().get(UserEventTypes.GENRE));
        assertEquals(UserEventTypes.TRACK_LIKED, PlayEvents.feedback("alice", TRACK, "LIKE", NOW).type());
        assertEquals("1", PlayEvents.feedback("alice", TRACK, "transition-like", NOW).attributes().get(UserEventTypes.RATING));
        UserEvent skipped = PlayEvents.feedback("alice", TRACK, "transition-dislike", NOW);
        assertEquals(UserEventTypes.TRANSITION_RATED, skipped.type());
        assertEquals("0", skipped.attributes().get(UserEventTypes.RATING));
        assertNull(PlayEvents.feedback("alice", TRACK, "dislike", NOW), "recommenders only");
        assertNull(PlayEvents.feedback("alice", TRACK, "skip", NOW));
        TrackDto bare = new TrackDto("t9", "Nine", null, null, null, 10, null, null, null, null, null, null);
        assertEquals(java.util.Set.of(UserEventTypes.TRACK), PlayEvents.feedback("bob", bare, "play", NOW).attributes().keySet(),
                "unknown tempo, key and genre are left out, not written as empty");
    }

    @Test
    void aRenderedMixCarriesItsSetInOrder() {
        TrackDto second = new TrackDto("t2", "Two", "B", null, null, 180, 128.0, "9A", "E minor", 0.9, -9.0, null);
        PlanDto plan = new PlanDto("p1", NOW.toString(), "auto", "rise", List.of(TRACK, second),
                List.of(new TransitionDto(0, "t1", "t2", "segue.style.bassswap/1", 170, 15, 0.8, "")), 365);
        UserEvent e = PlayEvents.mixCreated("alice", plan, new MixDto("m1", "p1", NOW.toString(), 364.96, -14, List.of(), null), NOW);
        assertEquals(UserEventTypes.MIX_CREATED, e.type());
        assertEquals("m1", e.attributes().get(UserEventTypes.MIX));
        assertEquals("124.00,128.00", e.attributes().get(UserEventTypes.BPMS));
        assertEquals("8A,9A", e.attributes().get(UserEventTypes.KEYS));
        assertEquals("techno,", e.attributes().get(UserEventTypes.GENRES));
        assertEquals("0.610,0.900", e.attributes().get(UserEventTypes.ENERGIES));
        assertEquals("365.0", e.attributes().get(UserEventTypes.DURATION));
        assertEquals("segue.style.bassswap/1", e.attributes().get(UserEventTypes.STYLE));
    }

    @Test
    void theRecorderNeverFailsTheRequest() {
        FakePlay engine = new FakePlay(List.of());
        List<String> errors = new ArrayList<>();
        PlayRecorder recorder = new PlayRecorder(engine, Clock.fixed(NOW, ZoneOffset.UTC), (what, e) -> errors.add(what + ": " + e.getMessage()));
        recorder.feedback("alice", TRACK, "play");
        recorder.feedback("alice", TRACK, "skip");
        assertEquals(1, engine.all().size(), "a skip feeds only the recommenders");
        assertEquals(NOW, engine.all().get(0).time());
        engine.refuseAll = "at most 120 events per user per minute";
        recorder.feedback("alice", TRACK, "play");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("at most 120"), errors.toString());
        engine.present = false;
        recorder.feedback("alice", TRACK, "play"); // no engine: nothing to record, nothing reported
        assertEquals(1, errors.size());
        assertEquals(1, engine.all().size());
    }
}
