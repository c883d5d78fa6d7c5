package org.segue.plugin.cli.library.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.StandardResults;
import org.segue.api.library.FacetCount;
import org.segue.api.library.Track;
import org.segue.api.library.TrackLibrary;

/** Tracks as the commands print them: a table for people, JSON for scripts. */
final class TrackTable {

    /**
     * One printed track, its features from the stored analysis (the file's tags when there is none).
     *
     * @param similarity cosine similarity for {@code segue similar}, or null
     */
    record Row(String id, String title, String artist, Double bpm, String key, Double energy, String file,
            Double similarity) {

        static Row of(Track track, Optional<AnalysisResults> analysis, Double similarity) {
            Double bpm = analysis.flatMap(a -> a.get(StandardResults.TEMPO)).map(t -> t.bpm()).orElse(track.tags().bpm());
            String key = analysis.flatMap(a -> a.get(StandardResults.KEY)).map(KeyEstimate::key).map(k -> k.camelot())
                    .orElse(track.tags().key());
            Double energy = analysis.flatMap(a -> a.get(StandardResults.ENERGY)).map(TrackTable::mean).orElse(null);
            String file = "file".equals(track.location().getScheme()) ? Path.of(track.location()).toString()
                    : track.location().toString();
            String title = track.tags().title() != null ? track.tags().title() : fileName(file);
            return new Row(track.id().value(), title, track.tags().artist(), bpm, key, energy, file, similarity);
        }
    }

    private TrackTable() {
    }

    static Row row(TrackLibrary library, Track track, Double similarity) {
        return Row.of(track, library.analysis(track.id()), similarity);
    }

    static void table(PrintStream out, List<Row> rows, boolean similarity) {
        String format = (similarity ? "%-5s " : "%s") + "%-32s %-24s %6s %-4s %6s  %s%n";
        out.printf(format, similarity ? "SIM" : "", "TITLE", "ARTIST", "BPM", "KEY", "ENERGY", "FILE");
        for (Row r : rows) {
            out.printf(format, similarity ? String.format(Locale.ROOT, "%.2f", r.similarity()) : "",
                    cut(r.title(), 32), cut(r.artist(), 24),
                    r.bpm() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.bpm()),
                    r.key() == null ? "-" : cut(r.key(), 4),
                    r.energy() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.energy()), r.file());
        }
    }

    /** One line per facet, its most frequent values first. */
    static void facets(PrintStream out, Map<String, List<FacetCount>> facets, int top) {
        facets.entrySet().stream().filter(e -> !e.getValue().isEmpty()).sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    StringBuilder line = new StringBuilder(e.getKey()).append(':');
                    e.getValue().stream().limit(top)
                            .forEach(c -> line.append(' ').append(c.value()).append(" (").append(c.count()).append(')'));
                    if (e.getValue().size() > top) {
                        line.append(" …");
                    }
                    out.println(line);
                });
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    static ArrayNode json(ObjectMapper mapper, List<Row> rows) {
        ArrayNode array = mapper.createArrayNode();
        for (Row r : rows) {
            ObjectNode node = array.addObject();
            node.put("id", r.id());
            node.put("title", r.title());
            node.put("artist", r.artist());
            node.put("bpm", r.bpm());
            node.put("key", r.key());
            node.put("energy", r.energy());
            node.put("file", r.file());
            if (r.similarity() != null) {
                node.put("similarity", r.similarity());
            }
        }
        return array;
    }

    static double mean(FeatureCurve curve) {
        double sum = 0;
        for (int i = 0; i < curve.size(); i++) {
            sum += curve.value(i);
        }
        return sum / curve.size();
    }

    private static String fileName(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    private static String cut(String s, int width) {
        if (s == null) {
            return "-";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
