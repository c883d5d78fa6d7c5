package org.segue.plugin.library.lucene.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.Mode;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Range;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackQuery;
import org.segue.api.library.TrackSource;

/**
 * A deterministic synthetic library for the benchmark: tracks with tags from a small vocabulary,
 * tempo, Camelot key, genre, an energy curve, mood, loudness and a 64-dimension unit embedding
 * clustered round {@value #CLUSTERS} style centroids (real embeddings cluster by style; each
 * cluster has a main genre). Everything comes from one seeded {@link Random}: the same seed gives
 * the same library, track for track.
 */
final class SyntheticLibrary {

    static final int DIMENSION = 64;
    static final int CLUSTERS = 50;
    static final String MODEL = "segue.bench/1";
    static final String ANALYZER = "segue.bench/1";
    /** The tempo window of the mixability filter: ±8 %, the most a DJ pitches a track. */
    static final double TEMPO_TOLERANCE = 0.08;
    static final String[] GENRES = {"house", "techno", "trance", "drum and bass", "dubstep", "hip hop",
        "pop", "rock", "ambient", "disco", "funk", "jazz", "garage", "electro", "breaks", "downtempo"};
    static final String[] WORDS = ("love night dance fire light heart dream city sun moon star rain summer winter "
            + "body soul gold silver black white blue red green deep high low fast slow bass drum kick snare voice "
            + "echo wave ocean river mountain desert forest storm thunder shadow mirror glass paper stone machine "
            + "signal system future past memory time space gravity orbit planet rocket electric magnetic digital "
            + "analog tape vinyl radio disco funk jazz groove rhythm pulse beat loop phase circle square line angle "
            + "motion vision sound silence noise static breeze morning evening midnight sunrise sunset dawn dusk "
            + "horizon tunnel bridge tower garden window door street road highway train plane ship engine motor "
            + "wheel chain crystal diamond velvet silk leather neon laser").split(" ");

    private final Random random;
    private final float[][] centroids = new float[CLUSTERS][];

    SyntheticLibrary(long seed) {
        random = new Random(seed);
        for (int i = 0; i < CLUSTERS; i++) {
            centroids[i] = unit(gaussian(random));
        }
    }

    /** Track number {@code i}, id {@code bench-i}, with its analysis; call in order for a reproducible library. */
    TrackIndex.Entry entry(int i) {
        String id = "bench-" + i;
        int cluster = random.nextInt(CLUSTERS);
        String genre = random.nextInt(4) == 0 ? GENRES[random.nextInt(GENRES.length)] : GENRES[cluster % GENRES.length];
        String artist = word() + " " + word();
        String title = word() + " " + word() + " " + word();
        double duration = 180 + random.nextInt(240);
        Track track = new Track(new TrackId(id), URI.create("file:///music/bench/" + i + ".flac"),
                "sha256:" + Long.toHexString(random.nextLong()),
                new TrackTags(artist, title, "Album " + word(), genre, null, null, Map.of()), duration, TrackSource.local());
        Map<ResultKey<?>, Object> values = new LinkedHashMap<>();
        values.put(StandardResults.TEMPO, new Tempo(bpm(), 0.9));
        values.put(StandardResults.KEY, new KeyEstimate(key(), 0.8));
        values.put(StandardResults.LOUDNESS, new Loudness(-14 + random.nextGaussian() * 3, 6, -1));
        values.put(StandardResults.MOOD, new Mood(random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1));
        float level = random.nextFloat();
        float[] energy = new float[16];
        for (int j = 0; j < energy.length; j++) {
            energy[j] = Math.max(0, Math.min(1, level + (float) random.nextGaussian() * 0.1f));
        }
        values.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, duration / energy.length, energy));
        values.put(StandardResults.EMBEDDING, new Embedding(MODEL, near(cluster)));
        Map<ResultKey<?>, String> analyzers = new LinkedHashMap<>();
        values.keySet().forEach(k -> analyzers.put(k, ANALYZER));
        return new TrackIndex.Entry(track, new StoredAnalysis(id, duration, values, analyzers));
    }

    /** A query for a recommender's "similar / mix next" call: a seed track's embedding and its mixability filter. */
    record Recommendation(float[] vector, TrackQuery filter) {
    }

    /**
     * The query a "similar" or "mix next" recommender runs for a seed track drawn like the
     * library's: kNN on its embedding, pre-filtered to tempi within ±8 % (half and double tempo
     * too) and the Camelot keys that mix with its key.
     */
    Recommendation recommendation(int k) {
        float[] vector = near(random.nextInt(CLUSTERS));
        double bpm = bpm();
        TrackQuery filter = new TrackQuery("", new Range(bpm * (1 - TEMPO_TOLERANCE), bpm * (1 + TEMPO_TOLERANCE)), true,
                compatible(key()), Set.of(), null, 0, k);
        return new Recommendation(vector, filter);
    }

    /** A filtered text search: one word, bpm 120–130 with half/double, a key and its neighbours, top 10 (with facets). */
    TrackQuery search() {
        return new TrackQuery(word(), new Range(120, 130), true, compatible(key()), Set.of(), null, 0, 10);
    }

    /** The key and those that mix with it: one step either way round the Camelot wheel, and the relative major/minor. */
    static Set<String> compatible(MusicalKey key) {
        int n = key.camelotNumber();
        String letter = key.mode() == Mode.MAJOR ? "B" : "A";
        Set<String> keys = new LinkedHashSet<>();
        keys.add(n + letter);
        keys.add(Math.floorMod(n - 2, 12) + 1 + letter);
        keys.add(n % 12 + 1 + letter);
        keys.add(n + (letter.equals("B") ? "A" : "B"));
        return keys;
    }

    private double bpm() {
        return 70 + random.nextDouble() * 110;
    }

    private MusicalKey key() {
        return MusicalKey.fromCamelot((1 + random.nextInt(12)) + (random.nextBoolean() ? "A" : "B"));
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** A unit vector near a centroid. */
    private float[] near(int cluster) {
        float[] c = centroids[cluster];
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = c[i] + (float) (random.nextGaussian() * 0.15);
        }
        return unit(v);
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
