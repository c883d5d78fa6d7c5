package org.segue.plugin.cli.library.internal;

import java.net.URI;
import java.util.Map;

import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.ResultMap;

final class Fixtures {

    private Fixtures() {
    }

    static void add(MemoryLibrary library, String id, String artist, String title, double bpm, String key, float energy,
            float[] embedding) {
        Track track = new Track(new TrackId(id), URI.create("file:///music/" + id + ".flac"), "sha256:ab",
                new TrackTags(artist, title, null, "house", null, null, Map.of()), 200, TrackSource.local());
        ResultMap r = new ResultMap(id, 200);
        r.put(StandardResults.TEMPO, new Tempo(bpm, 1));
        r.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(key), 1));
        r.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 0.5, new float[] {energy, energy}));
        if (embedding != null) {
            r.put(StandardResults.EMBEDDING, new Embedding("test/1", embedding));
        }
        library.put(track, r);
    }
}
