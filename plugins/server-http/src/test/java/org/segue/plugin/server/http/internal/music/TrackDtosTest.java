package org.segue.plugin.server.http.internal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.Chord;
import org.segue.api.analysis.ChordEvent;
import org.segue.api.analysis.ChordProgression;
import org.segue.api.analysis.ChordQuality;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.KeySegment;
import org.segue.api.analysis.KeySegments;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.PitchClass;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Structure;
import org.segue.api.analysis.StructureSegment;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TempoSegment;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.ResultMap;

class TrackDtosTest {

    final ObjectMapper json = new ObjectMapper();

    static ResultMap analysis() {
        ResultMap r = new ResultMap("t1", 10);
        r.put(StandardResults.TEMPO, new Tempo(120, 0.9));
        // Beats every 0.5 s from 0.25 s; bars of 4 with the first downbeat on beat 1.
        double[] beats = new double[8];
        for (int i = 0; i < beats.length; i++) {
            beats[i] = 0.25 + 0.5 * i;
        }
        r.put(StandardResults.BEAT_GRID, new BeatGrid(beats, 4, 1,
                List.of(new TempoSegment(0, 120), new TempoSegment(5, 124))));
        r.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot("8A"), 0.75));
        r.put(StandardResults.KEY_CHANGES, new KeySegments(List.of(new KeySegment(0, MusicalKey.fromCamelot("8A")),
                new KeySegment(6, MusicalKey.fromCamelot("9A")))));
        r.put(StandardResults.CHORDS, new ChordProgression(List.of(
                new ChordEvent(0, 2, new Chord(PitchClass.A, ChordQuality.MINOR)), ChordEvent.noChord(2, 3),
                new ChordEvent(3, 5, new Chord(PitchClass.G, ChordQuality.DOMINANT_7)))));
        r.put(StandardResults.LOUDNESS, new Loudness(-9.5, 4.2, -0.8));
        r.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, new float[] {0.2f, 0.4f, 0.9f}));
        r.put(StandardResults.MOOD, new Mood(0.3, -0.2));
        r.put(StandardResults.STRUCTURE, new Structure(List.of(new StructureSegment(0, 4, SegmentLabel.INTRO, 0.3),
                new StructureSegment(4, 10, SegmentLabel.DROP, 0.9))));
        return r;
    }

    static Track track() {
        return new Track(new TrackId("t1"), URI.create("file:///music/One%20More.flac"), "sha256:ab",
                new TrackTags("Artist", null, "Album", "house", null, null, Map.of()), 10,
                new TrackSource("local", null, "cc-by", true));
    }

    @Test
    void aTrackHasEveryFieldOfTheContract() {
        JsonNode t = json.valueToTree(TrackDtos.track(track(), Optional.of(analysis())));
        assertEquals(Set.of("id", "title", "artist", "album", "genre", "durationSeconds", "bpm", "key", "keyName",
                "energy", "loudnessLufs", "source"), names(t));
        assertEquals("t1", t.get("id").asText());
        assertEquals("One More", t.get("title").asText(), "no title tag: the file name");
        assertEquals(120, t.get("bpm").asDouble());
        assertEquals("8A", t.get("key").asText());
        assertEquals("A minor", t.get("keyName").asText());
        assertEquals(0.5, t.get("energy").asDouble(), 1e-6, "the mean of the energy curve");
        assertEquals(-9.5, t.get("loudnessLufs").asDouble());
        assertEquals(Set.of("kind", "licence", "mixable"), names(t.get("source")));
        assertEquals("cc-by", t.get("source").get("licence").asText());
    }

    @Test
    void aTrackWithoutAnalysisKeepsTheFieldsAsNull() {
        JsonNode t = json.valueToTree(TrackDtos.track(track(), Optional.empty()));
        assertEquals(12, t.size());
        assertTrue(t.get("bpm").isNull() && t.get("key").isNull() && t.get("energy").isNull());
    }

    @Test
    void anAnalysisHasEveryFieldOfTheContract() {
        JsonNode a = json.valueToTree(TrackDtos.analysis("t1", analysis()));
        assertEquals(Set.of("trackId", "durationSeconds", "tempo", "beats", "downbeats", "key", "keySegments", "chords",
                "loudness", "energy", "mood", "structure"), names(a));
        assertEquals(120, a.at("/tempo/bpm").asDouble());
        assertEquals(124, a.at("/tempo/segments/1/bpm").asDouble());
        assertEquals(5, a.at("/tempo/segments/1/startSeconds").asDouble());
        assertEquals(8, a.get("beats").size());
        assertEquals(0.75, a.at("/downbeats/0").asDouble(), "beat 1 is the first downbeat");
        assertEquals(2.75, a.at("/downbeats/1").asDouble());
        assertEquals(2, a.get("downbeats").size());
        assertEquals(Set.of("camelot", "name", "confidence"), names(a.get("key")));
        assertEquals("A minor", a.at("/key/name").asText());
        assertEquals("9A", a.at("/keySegments/1/camelot").asText());
        assertEquals(List.of("Am", "N", "G7"), a.get("chords").findValuesAsText("label"));
        assertEquals(Set.of("integratedLufs", "rangeLu", "truePeakDbtp"), names(a.get("loudness")));
        assertEquals(0.5, a.at("/energy/hopSeconds").asDouble());
        assertEquals(0.9, a.at("/energy/values/2").asDouble(), 1e-6);
        assertEquals(-0.2, a.at("/mood/arousal").asDouble());
        assertEquals(List.of("intro", "drop"), a.get("structure").findValuesAsText("label"));
    }

    @Test
    void theLoudnessOfSilenceIsUnknownNotInfinite() throws Exception {
        ResultMap r = new ResultMap("t1", 1);
        r.put(StandardResults.LOUDNESS, new Loudness(Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY));
        String text = json.writeValueAsString(TrackDtos.analysis("t1", r));
        assertTrue(text.contains("\"integratedLufs\":null"), text);
        assertTrue(json.readTree(text).get("beats").isEmpty());
    }

    static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
