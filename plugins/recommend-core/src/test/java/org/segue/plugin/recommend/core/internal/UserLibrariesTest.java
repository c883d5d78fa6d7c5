package org.segue.plugin.recommend.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.recommend.ListeningContext;
import org.segue.api.recommend.RecommendationRequest;

class UserLibrariesTest {
    static final double NAN = Double.NaN;

    static Map<String, Object> props(long id, Integer ranking, String owner) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.SERVICE_ID, id);
        if (ranking != null) {
            p.put(Constants.SERVICE_RANKING, ranking);
        }
        if (owner != null) {
            p.put(TrackLibrary.OWNER, owner);
        }
        return p;
    }

    @Test
    void aUsersOwnLibraryElseTheDefaultByRankingThenAge() {
        UserLibraries l = new UserLibraries();
        MemoryLibrary shared = new MemoryLibrary();
        MemoryLibrary newerShared = new MemoryLibrary();
        MemoryLibrary anna = new MemoryLibrary();
        MemoryLibrary annaPreferred = new MemoryLibrary();
        l.addLibrary(anna, props(5, null, "anna"));
        l.addLibrary(newerShared, props(9, null, null));
        l.addLibrary(shared, props(3, null, null));
        assertSame(anna, l.forUser("anna"));
        assertSame(shared, l.forUser("ben"), "the oldest default library");
        assertSame(shared, l.forUser("ann"), "owners match exactly, not by prefix");
        l.addLibrary(annaPreferred, props(12, 10, "anna"));
        assertSame(annaPreferred, l.forUser("anna"), "the higher ranking wins");
        l.removeLibrary(annaPreferred, props(12, 10, "anna"));
        l.removeLibrary(anna, props(5, null, "anna"));
        assertSame(shared, l.forUser("anna"), "a removed user library falls back to the default");
        l.removeLibrary(shared, props(3, null, null));
        assertSame(newerShared, l.forUser("anna"));
        l.removeLibrary(newerShared, props(9, null, null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.forUser("anna"));
        assertTrue(e.getMessage().contains("'anna'"), e.getMessage());
    }

    @Test
    void recommendersSearchTheRequestingUsersLibrary() {
        MemoryLibrary shared = new MemoryLibrary();
        MemoryLibrary annas = new MemoryLibrary();
        for (MemoryLibrary lib : new MemoryLibrary[] {shared, annas}) {
            lib.add("seed", "Ann", "house", 124, "8A", 0.7, NAN, NAN, 1, 0, 0);
        }
        shared.add("everyones", "Bo", "house", 124, "8A", 0.7, NAN, NAN, 0.9f, 0.1f, 0);
        annas.add("annas-own", "Cy", "house", 124, "8A", 0.7, NAN, NAN, 0.9f, 0.1f, 0);
        UserLibraries l = new UserLibraries();
        l.addLibrary(shared, props(1, null, null));
        l.addLibrary(annas, props(2, null, "anna"));
        SimilarRecommender similar = new SimilarRecommender();
        similar.libraries = l;
        similar.activate(Configs.defaults(SimilarRecommender.Config.class));
        TrackId seed = new TrackId("seed");
        assertEquals(List.of("annas-own"), Requests.ids(similar.recommend(Requests.seed(seed, 5))), "anna's own library");
        assertEquals(List.of("everyones"), Requests.ids(similar.recommend(
                new RecommendationRequest("ben", List.of(seed), ListeningContext.any(), 5, Set.of()))), "the default");
    }
}
