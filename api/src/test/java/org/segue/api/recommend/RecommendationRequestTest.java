package org.segue.api.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.segue.api.library.TrackId;

class RecommendationRequestTest {

    private static final TrackId A = new TrackId("a");
    private static final TrackId B = new TrackId("b");

    @Test
    void copiesSeedsAndExclusions() {
        List<TrackId> seeds = new ArrayList<>(List.of(A));
        Set<TrackId> exclude = new HashSet<>(Set.of(A));
        RecommendationRequest request = new RecommendationRequest("u1", seeds, ListeningContext.any(), 20, exclude);
        seeds.add(B);
        exclude.add(B);

        assertEquals(List.of(A), request.seeds());
        assertEquals(Set.of(A), request.exclude());
        assertEquals(Activity.ANY, request.context().activity());
    }

    @Test
    void validatesRequestsAndAnswers() {
        assertThrows(IllegalArgumentException.class,
                () -> new RecommendationRequest("u1", List.of(), ListeningContext.any(), 0, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new RecommendationRequest("u1", List.of(),
                ListeningContext.any(), RecommendationRequest.MAX_LIMIT + 1, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new RecommendationRequest(" ", List.of(), ListeningContext.any(), 5, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new Recommendation(A, 1.2, "too good"));
        assertThrows(IllegalArgumentException.class, () -> new Recommendation(A, Double.NaN, "?"));
        assertThrows(NullPointerException.class, () -> new ListeningContext(null, null, null));
    }

    @Test
    void validatesFeedback() {
        Instant now = Instant.parse("2026-01-01T20:00:00Z");
        assertEquals(0.8, new Feedback("u1", A, FeedbackKind.RATING, 0.8, now).value());
        assertThrows(IllegalArgumentException.class, () -> new Feedback("u1", A, FeedbackKind.RATING, 5, now));
        assertThrows(NullPointerException.class, () -> new Feedback("u1", A, FeedbackKind.PLAY, 1, null));
    }
}
