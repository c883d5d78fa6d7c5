package org.segue.plugin.library.lucene.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.Loudness;
import org.segue.api.analysis.Mood;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Range;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackQuery;
import org.segue.api.library.TrackSource;
import org.segue.api.testkit.ResultMap;

/**
 * The library benchmark, not a timed test: builds a synthetic index and prints its size, the build
 * rate and single-query latencies. Runs only when asked:
 * {@code ./mvnw -o -q install -DskipITs -f plugins/library-lucene/pom.xml -Dtest=LibraryBench -Dsegue.bench.library=100000}
 * (1000000 works; {@code -Dsegue.bench.folder=/path} keeps the index).
 */
@EnabledIfSystemProperty(named = "segue.bench.library", matches = "[0-9]+")
class LibraryBench {

    private static final int DIMENSION = 64;
    private static final int BATCH = 1000;
    private static final int WARMUP = 300;
    private static final int QUERIES = 2000;
    private static final String[] GENRES = {"house", "techno", "trance", "drum and bass", "dubstep", "hip hop",
        "pop", "rock", "ambient", "disco", "funk", "jazz", "garage", "electro", "breaks", "downtempo"};
    private static final String[] WORDS = words();

    @Test
    void bench() throws IOException {
        int n = Integer.parseInt(System.getProperty("segue.bench.library"));
        String keep = System.getProperty("segue.bench.folder");
        Path folder = keep != null ? Path.of(keep) : Files.createTempDirectory("segue-bench");
        Random random = new Random(42);
        float[][] centroids = new float[50][];
        for (int i = 0; i < centroids.length; i++) {
            centroids[i] = TestTracks.unitVector(random, DIMENSION);
        }
        float[][] vectors = new float[n][];
        try {
            long start = System.nanoTime();
            try (TrackIndex index = TrackIndex.open(folder)) {
                List<TrackIndex.Entry> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < n; i++) {
                    TrackIndex.Entry e = entry(i, random, centroids);
                    vectors[i] = e.analysis().get(StandardResults.EMBEDDING).orElseThrow().vector();
                    batch.add(e);
                    if (batch.size() == BATCH || i == n - 1) {
                        index.putAll(batch);
                        batch.clear();
                    }
                }
            } // closing waits for the background merges: the index as a finished import leaves it
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bench library: %,d tracks, %d-dim embeddings, built in %.1f s = %,.0f tracks/s "
                    + "(batches of %d, one commit each, merges included)%n", n, DIMENSION, buildSeconds,
                    n / buildSeconds, BATCH);
            benchQueries(folder, n, centroids, vectors);
        } finally {
            if (keep == null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void benchQueries(Path folder, int n, float[][] centroids, float[][] vectors) throws IOException {
        try (TrackIndex index = TrackIndex.open(folder)) {
            System.out.printf("index size on disk: %.1f MB (%.0f bytes/track), %d segments%n", size(folder) / 1e6,
                    size(folder) / (double) n, index.segmentCount());
            Random q = new Random(7);
            latency("filtered text search (word + bpm 120-130 half/double + 3 keys, top 10 + facets)", i -> {
                MusicalKey key = MusicalKey.fromCamelot((1 + q.nextInt(12)) + "A");
                TrackQuery query = new TrackQuery(WORDS[q.nextInt(WORDS.length)], new Range(120, 130), true,
                        Set.of(key.camelot(), neighbour(key, 1), neighbour(key, -1)), Set.of(), null, 0, 10);
                index.search(query);
            });
            latency("kNN k=10, no filter", i -> index.nearest(query(q, centroids), 10, null));
            latency("kNN k=10, filter bpm 120-130 + genre", i -> index.nearest(query(q, centroids), 10,
                    new TrackQuery("", new Range(120, 130), false, Set.of(), Set.of(GENRES[q.nextInt(GENRES.length)]),
                            null, 0, 0)));
            recall(index, q, centroids, vectors);
        }
    }

    /** kNN recall@10 against a brute-force scan, over 100 queries. */
    private static void recall(TrackIndex index, Random q, float[][] centroids, float[][] vectors) {
        int found = 0;
        int queries = 100;
        for (int i = 0; i < queries; i++) {
            float[] query = query(q, centroids);
            double[] best = new double[10];
            int[] bestIds = new int[10];
            Arrays.fill(best, -2);
            for (int v = 0; v < vectors.length; v++) {
                double c = TestTracks.cosine(vectors[v], query);
                if (c > best[9]) {
                    int at = 9;
                    while (at > 0 && best[at - 1] < c) {
                        best[at] = best[at - 1];
                        bestIds[at] = bestIds[at - 1];
                        at--;
                    }
                    best[at] = c;
                    bestIds[at] = v;
                }
            }
            Set<String> truth = new java.util.HashSet<>();
            for (int id : bestIds) {
                truth.add("bench-" + id);
            }
            found += (int) index.nearest(query, 10, null).stream().filter(h -> truth.contains(h.track().id().value())).count();
        }
        System.out.printf("kNN recall@10 against brute force: %.3f over %d queries%n", found / (queries * 10.0), queries);
    }

    private static TrackIndex.Entry entry(int i, Random random, float[][] centroids) {
        String id = "bench-" + i;
        String artist = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                + WORDS[random.nextInt(WORDS.length)];
        Track track = new Track(new TrackId(id), URI.create("file:///music/bench/" + i + ".flac"),
                "sha256:" + Long.toHexString(random.nextLong()),
                new TrackTags(artist, title, "Album " + WORDS[random.nextInt(WORDS.length)],
                        GENRES[random.nextInt(GENRES.length)], null, null, Map.of()),
                180 + random.nextInt(240), TrackSource.local());
        ResultMap r = new ResultMap(id, track.durationSeconds());
        r.put(StandardResults.TEMPO, new Tempo(70 + random.nextDouble() * 110, 0.9));
        r.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot((1 + random.nextInt(12))
                + (random.nextBoolean() ? "A" : "B")), 0.8));
        r.put(StandardResults.LOUDNESS, new Loudness(-14 + random.nextGaussian() * 3, 6, -1));
        r.put(StandardResults.MOOD, new Mood(random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1));
        float[] energy = new float[32];
        for (int j = 0; j < energy.length; j++) {
            energy[j] = random.nextFloat();
        }
        r.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, 8, energy));
        r.put(StandardResults.EMBEDDING, new Embedding("bench/1", near(centroids[random.nextInt(centroids.length)], random)));
        return new TrackIndex.Entry(track, r);
    }

    /** A vector near a centroid: embeddings of real music cluster by style. */
    private static float[] near(float[] centroid, Random random) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = centroid[i] + (float) (random.nextGaussian() * 0.15);
        }
        return v;
    }

    private static float[] query(Random random, float[][] centroids) {
        return near(centroids[random.nextInt(centroids.length)], random);
    }

    private static String neighbour(MusicalKey key, int step) {
        int number = Math.floorMod(key.camelotNumber() - 1 + step, 12) + 1;
        return number + key.camelot().substring(key.camelot().length() - 1);
    }

    private static void latency(String what, IntConsumer query) {
        for (int i = 0; i < WARMUP; i++) {
            query.accept(i);
        }
        long[] nanos = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            query.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms over %d queries%n", what, nanos[QUERIES / 2] / 1e6,
                nanos[QUERIES * 99 / 100] / 1e6, QUERIES);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String[] words() {
        String text = "love night dance fire light heart dream city sun moon star rain summer winter body soul "
                + "gold silver black white blue red green deep high low fast slow bass drum kick snare voice echo "
                + "wave ocean river mountain desert forest storm thunder shadow mirror glass paper stone machine "
                + "signal system future past memory time space gravity orbit planet rocket electric magnetic "
                + "digital analog tape vinyl radio disco funk soul jazz groove rhythm pulse beat loop phase "
                + "circle square line angle motion vision sound silence noise static storm breeze morning evening "
                + "midnight sunrise sunset dawn dusk horizon tunnel bridge tower garden window door street road "
                + "highway train plane ship engine motor wheel chain crystal diamond velvet silk leather neon laser";
        return text.split(" ");
    }
}
