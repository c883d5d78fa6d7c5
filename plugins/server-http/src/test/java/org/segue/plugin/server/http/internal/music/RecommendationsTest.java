package org.segue.plugin.server.http.internal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackSource;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.api.testkit.ResultMap;
import org.segue.plugin.recommend.core.internal.MixNextRecommender;
import org.segue.plugin.recommend.core.internal.UserLibraries;
import org.segue.plugin.server.http.internal.music.Recommendations.RecommendationDto;
import org.segue.plugin.server.http.internal.music.Recommendations.RecommenderDto;

class RecommendationsTest {

    final MemoryLibrary alice = new MemoryLibrary();
    final MemoryLibrary bob = new MemoryLibrary();
    final Recommendations recommendations = new Recommendations();
    /** A recommender that answers what it is told to and records what it learns. */
    final Scripted scripted = new Scripted();

    static final class Scripted implements Recommender {
        volatile List<Recommendation> answer = List.of();
        volatile RecommendationRequest asked;
        final List<Feedback> learnt = new CopyOnWriteArrayList<>();

        @Override
        public List<Recommendation> recommend(RecommendationRequest request) {
            asked = request;
            return answer;
        }

        @Override
        public void learn(Feedback feedback) {
            learnt.add(feedback);
        }
    }

    static void add(MemoryLibrary library, String id, double bpm, String camelot, float energy) {
        Track t = new Track(new TrackId(id), URI.create("file:///music/" + id + ".wav"), "sha256:ab",
                new TrackTags("DJ", "Title " + id, null, "house", null, null, Map.of()), 200, TrackSource.local());
        ResultMap r = new ResultMap(id, 200);
        r.put(StandardResults.TEMPO, new Tempo(bpm, 1));
        r.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(camelot), 1));
        r.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, new float[] {energy}));
        library.put(t, r);
    }

    @BeforeEach
    void setUp() {
        add(alice, "seed", 124, "8A", 0.5f);
        add(alice, "same", 124, "8A", 0.55f);
        add(alice, "neighbour", 125, "9A", 0.55f);
        add(alice, "too-fast", 150, "8A", 0.55f);
        add(alice, "clash", 124, "3B", 0.55f);
        add(bob, "bobs", 124, "8A", 0.55f);

        UserLibraries libraries = new UserLibraries();
        libraries.addLibrary(alice, Map.of(TrackLibrary.OWNER, "alice", "service.id", 1L));
        libraries.addLibrary(bob, Map.of(TrackLibrary.OWNER, "bob", "service.id", 2L));
        MixNextRecommender mixNext = Components.activated(MixNextRecommender.class);
        Components.set(mixNext, "libraries", libraries);
        recommendations.add(mixNext, Map.of(Recommender.ID, "segue.recommender.mix-next/1"));
        recommendations.add(scripted, Map.of(Recommender.ID, "segue.recommender.hybrid/1"));
    }

    @Test
    void theRealMixNextRecommenderAnswersFromTheUsersLibrary() {
        List<RecommendationDto> r = recommendations.recommend("alice", alice, List.of("seed"), "evening", "mix-next", 10);
        assertEquals(List.of("same", "neighbour"), r.stream().map(x -> x.track().id()).toList(),
                "same key and tempo first, the Camelot neighbour next; the clash and the 150 bpm track not at all");
        assertTrue(r.get(0).score() > r.get(1).score());
        assertEquals("mix-next", r.get(0).strategy());
        assertFalse(r.get(0).why().isBlank());
        assertEquals("8A", r.get(0).track().key());
        assertEquals("Title same", r.get(0).track().title());
    }

    @Test
    void tracksOutsideTheUsersLibraryAndTheSeedsNeverLeak() {
        scripted.answer = List.of(new Recommendation(new TrackId("bobs"), 0.99, "from bob's library"),
                new Recommendation(new TrackId("seed"), 0.9, "the seed itself"),
                new Recommendation(new TrackId("neighbour"), 0.8, "fine"),
                new Recommendation(new TrackId("same"), 0.7, "fine too"));
        List<RecommendationDto> r = recommendations.recommend("alice", alice, List.of("seed"), null, null, 1);
        assertEquals(List.of("neighbour"), r.stream().map(x -> x.track().id()).toList(), "limit 1 of what may be shown");
        assertEquals("hybrid", r.get(0).strategy(), "hybrid is the default strategy");
        assertEquals("alice", scripted.asked.userId());
        assertEquals(List.of(new TrackId("seed")), scripted.asked.seeds());
        assertTrue(scripted.asked.exclude().contains(new TrackId("seed")));
    }

    @Test
    void badRequestsNameTheirField() {
        assertEquals("strategy", assertThrows(BadInputException.class,
                () -> recommendations.recommend("alice", alice, List.of(), null, "telepathy", 10)).field());
        assertEquals("limit", assertThrows(BadInputException.class,
                () -> recommendations.recommend("alice", alice, List.of(), null, null, 0)).field());
        assertEquals("limit", assertThrows(BadInputException.class,
                () -> recommendations.recommend("alice", alice, List.of(), null, null, 501)).field());
        BadInputException notYours = assertThrows(BadInputException.class,
                () -> recommendations.recommend("alice", alice, List.of("bobs"), null, null, 10));
        assertEquals("seed", notYours.field());
        assertEquals("no track bobs in your library", notYours.getMessage());
        assertEquals("context", assertThrows(BadInputException.class,
                () -> recommendations.recommend("alice", alice, List.of(), "focus,party", null, 10)).field());
        assertEquals("context", assertThrows(BadInputException.class,
                () -> recommendations.recommend("alice", alice, List.of(), "25:00", null, 10)).field());
    }

    @Test
    void contextWordsBecomeTimeActivityAndMood() {
        assertEquals(new ListeningContext(LocalTime.of(19, 0), "melancholic", Activity.FOCUS),
                Recommendations.context("Evening, focus ,melancholic"));
        assertEquals(new ListeningContext(LocalTime.of(7, 30), null, Activity.WIND_DOWN),
                Recommendations.context("7:30,wind-down"));
        assertEquals(ListeningContext.any(), Recommendations.context(""));
        assertThrows(BadInputException.class, () -> Recommendations.context("happy,sad"));
    }

    @Test
    void theInstalledRecommendersAreListedByShortName() {
        assertEquals(List.of(new RecommenderDto("hybrid", "Hybrid"), new RecommenderDto("mix-next", "Mix next")),
                recommendations.recommenders());
        recommendations.remove(scripted, Map.of(Recommender.ID, "segue.recommender.hybrid/1"));
        assertEquals(List.of(new RecommenderDto("mix-next", "Mix next")), recommendations.recommenders());
    }

    @Test
    void feedbackReachesTheRecommendersWithTheKindsValue() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        recommendations.feedback("alice", alice, "same", "like", null, now);
        recommendations.feedback("alice", alice, "same", "skip", null, now);
        recommendations.feedback("alice", alice, "neighbour", "transition-dislike", "same", now);
        assertEquals(List.of(new Feedback("alice", new TrackId("same"), FeedbackKind.LIKE, 1, now),
                new Feedback("alice", new TrackId("same"), FeedbackKind.SKIP, 0, now),
                new Feedback("alice", new TrackId("neighbour"), FeedbackKind.TRANSITION_RATING, 0, now)), scripted.learnt);

        assertThrows(NoSuchElementException.class, () -> recommendations.feedback("alice", alice, "bobs", "like", null, now));
        assertThrows(NoSuchElementException.class,
                () -> recommendations.feedback("alice", alice, "same", "transition-like", "bobs", now));
        assertEquals("otherTrackId", assertThrows(BadInputException.class,
                () -> recommendations.feedback("alice", alice, "same", "transition-like", null, now)).field());
        assertEquals("kind", assertThrows(BadInputException.class,
                () -> recommendations.feedback("alice", alice, "same", "love", null, now)).field());
        assertEquals(3, scripted.learnt.size(), "refused feedback is not passed on");
    }
}
