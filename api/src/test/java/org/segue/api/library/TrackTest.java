package org.segue.api.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.segue.api.audio.TrackTags;

class TrackTest {

    private static final URI FILE = URI.create("file:///music/a.flac");

    @Test
    void validatesTracks() {
        assertThrows(IllegalArgumentException.class, () -> new TrackId(" "));
        assertThrows(IllegalArgumentException.class,
                () -> new Track(new TrackId("1"), FILE, "9f86d0", TrackTags.empty(), 1, TrackSource.local()));
        assertThrows(IllegalArgumentException.class,
                () -> new Track(new TrackId("1"), FILE, null, TrackTags.empty(), -1, TrackSource.local()));
        assertEquals("sha256:9f86d0", new Track(new TrackId("1"), FILE, "sha256:9f86d0", TrackTags.empty(), 200,
                TrackSource.local()).contentHash());
    }

    @Test
    void localSourceIsMixable() {
        TrackSource local = TrackSource.local();
        assertEquals(TrackSource.LOCAL, local.service());
        assertTrue(local.mixable());
    }

    @Test
    void searchResultsCopyTracksAndFacets() {
        Track track = new Track(new TrackId("1"), FILE, null, TrackTags.empty(), 200, TrackSource.local());
        List<Track> tracks = new ArrayList<>(List.of(track));
        List<FacetCount> genres = new ArrayList<>(List.of(new FacetCount("techno", 3)));
        Map<String, List<FacetCount>> facets = new HashMap<>(Map.of(SearchResult.GENRE, genres));
        SearchResult result = new SearchResult(tracks, 3, facets);

        tracks.clear();
        genres.add(new FacetCount("house", 1));
        facets.put(SearchResult.KEY, List.of());

        assertEquals(List.of(track), result.tracks());
        assertEquals(Map.of(SearchResult.GENRE, List.of(new FacetCount("techno", 3))), result.facets());
        assertThrows(UnsupportedOperationException.class,
                () -> result.facets().get(SearchResult.GENRE).add(new FacetCount("x", 1)));
        assertThrows(IllegalArgumentException.class, () -> new SearchResult(List.of(), -1, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new FacetCount("x", -1));
    }
}
