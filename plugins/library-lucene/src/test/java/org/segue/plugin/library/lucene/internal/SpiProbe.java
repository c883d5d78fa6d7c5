package org.segue.plugin.library.lucene.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.store.FSDirectory;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.ResultKey;
import org.segue.api.analysis.StandardResults;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackQuery;
import org.segue.api.library.TrackSource;

/**
 * Runs inside {@link BundleSpiIT}'s isolated class loader (the built bundle, the api and Jackson;
 * no Lucene jar): writes, reopens and searches an index, and reports where Lucene came from.
 */
public final class SpiProbe implements Callable<Map<String, String>> {

    @Override
    public Map<String, String> call() throws Exception {
        Map<String, String> report = new LinkedHashMap<>();
        report.put("luceneLoader", String.valueOf(Codec.class.getClassLoader() == SpiProbe.class.getClassLoader()));
        report.put("luceneJar", Codec.class.getProtectionDomain().getCodeSource().getLocation().toString());
        report.put("codecs", String.join(",", Codec.availableCodecs()));
        report.put("vectorFormats", String.join(",", KnnVectorsFormat.availableKnnVectorsFormats()));
        Path folder = Files.createTempDirectory("segue-spi");
        try (FSDirectory d = FSDirectory.open(folder)) {
            report.put("directory", d.getClass().getSimpleName());
        }
        Track track = new Track(new TrackId("spi"), URI.create("file:///m/spi.flac"), "sha256:00",
                new TrackTags("Probe", "Codec Lookup", null, "test", null, null, Map.of()), 10, TrackSource.local());
        try (TrackIndex index = TrackIndex.open(folder)) {
            index.put(track, embedding("spi", new float[] {1, 0, 0, 0}));
        }
        // Reopening reads the codec, postings, doc values and vector formats by the names written
        // into the segments: the SPI lookup under test.
        try (TrackIndex index = TrackIndex.open(folder)) {
            report.put("found", String.valueOf(index.search(TrackQuery.text("codec")).totalHits()));
            report.put("nearest", index.nearest(new float[] {1, 0.1f, 0, 0}, 1, TrackQuery.text("")).get(0)
                    .track().id().value());
            report.put("embedding", index.analysis(new TrackId("spi")).orElseThrow()
                    .get(StandardResults.EMBEDDING).map(Embedding::toString).orElse("none"));
        }
        return report;
    }

    private static AnalysisResults embedding(String id, float[] vector) {
        Embedding e = new Embedding("probe/1", vector);
        return new AnalysisResults() {
            @Override
            public <T> Optional<T> get(ResultKey<T> key) {
                return key.equals(StandardResults.EMBEDDING) ? Optional.of(key.type().cast(e)) : Optional.empty();
            }

            @Override
            public Set<ResultKey<?>> keys() {
                return Set.of(StandardResults.EMBEDDING);
            }

            @Override
            public Optional<String> analyzer(ResultKey<?> key) {
                return Optional.of("probe/1");
            }

            @Override
            public double durationSeconds() {
                return 10;
            }

            @Override
            public String trackId() {
                return id;
            }
        };
    }
}
