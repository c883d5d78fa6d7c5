package org.segue.plugin.cli.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalScorerTest {

    /** The reference scorer, beside the project (see shared/README.md). */
    static final Path REFERENCE = Path.of("../../../shared/eval/score.py").toAbsolutePath().normalize();

    @TempDir
    Path truth;
    @TempDir
    Path pred;

    @Test
    void keyScoresFollowMirex() {
        int[] aMinor = EvalScorer.parseKey("A minor");
        assertEquals(1.0, EvalScorer.keyScore(aMinor, EvalScorer.parseKey("A:min")));
        assertEquals(0.5, EvalScorer.keyScore(aMinor, EvalScorer.parseKey("E minor")), "fifth above");
        assertEquals(0.3, EvalScorer.keyScore(aMinor, EvalScorer.parseKey("C major")), "relative");
        assertEquals(0.2, EvalScorer.keyScore(aMinor, EvalScorer.parseKey("A major")), "parallel");
        assertEquals(0.0, EvalScorer.keyScore(aMinor, EvalScorer.parseKey("D minor")), "fifth below scores nothing");
        assertEquals(1.0, EvalScorer.keyScore(EvalScorer.parseKey("Bb major"), EvalScorer.parseKey("A# major")));
    }

    @Test
    void beatFMeasureCountsEachBeatOnceWithin70Ms() {
        List<Double> ref = List.of(5.0, 5.5, 6.0, 6.5);
        assertEquals(1.0, EvalScorer.fMeasure(ref, List.of(5.06, 5.5, 5.95, 6.5)), 1e-12);
        // Two estimates near one beat: one hit, one false alarm; one beat missed.
        double p = 3 / 4.0;
        double r = 3 / 4.0;
        assertEquals(2 * p * r / (p + r), EvalScorer.fMeasure(ref, List.of(5.0, 5.01, 5.5, 6.0)), 1e-12);
        assertEquals(0.0, EvalScorer.fMeasure(ref, List.of(5.2, 5.7)), 1e-12);
        assertEquals(1.0, EvalScorer.fMeasure(List.of(1.0, 2.0), List.of()), 1e-12, "the first 5 s are ignored");
    }

    @Test
    void agreesWithTheReferenceScorerOnTheSameFolders() throws Exception {
        assumeTrue(Files.isRegularFile(REFERENCE), "reference scorer not beside the project: " + REFERENCE);
        writeCorpus(new SplittableRandom(42));
        List<EvalScorer.Piece> pieces = EvalScorer.score(truth, pred);
        Map<String, Double> summary = EvalScorer.summarise(pieces);

        Process p = new ProcessBuilder("python3", REFERENCE.toString(), "--truth", truth.toString(), "--pred",
                pred.toString(), "--json").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        JsonNode reference = new ObjectMapper().readTree(out);
        for (int i = 0; i < pieces.size(); i++) {
            JsonNode row = reference.get("pieces").get(i);
            assertEquals(row.get("file").asText(), pieces.get(i).file());
            for (String metric : EvalScorer.METRICS) {
                Double mine = pieces.get(i).metrics().get(metric);
                assertEquals(row.has(metric), mine != null, metric + " of " + row.get("file"));
                if (mine != null) {
                    assertEquals(row.get(metric).asDouble(), mine, 1e-9, metric + " of " + row.get("file"));
                }
            }
        }
        for (String metric : EvalScorer.METRICS) {
            JsonNode ref = reference.get("summary").get(metric);
            if (ref != null) {
                assertEquals(ref.asDouble(), summary.get(metric), 1e-9, metric);
            }
        }
    }

    /** Six pieces of truth (constant, stepped, ramped and rubato tempo) and noisy predictions of them. */
    private void writeCorpus(SplittableRandom random) throws IOException {
        StringBuilder csv = new StringBuilder("file,style,kind,meter,bpm,key,tempo_changes,key_changes,first_beat,duration\n");
        String[] kinds = {"plain", "tempo_step", "tempo_ramp", "rubato", "plain", "key_change"};
        String[] keys = {"A minor", "C major", "F# minor", "Bb major", "E minor", "G major"};
        String[] predKeys = {"A minor", "G major", "A major", "F major", "G major", "D major"};
        for (int n = 0; n < kinds.length; n++) {
            String name = "piece" + n;
            double bpm = 90 + 15 * n;
            double duration = 30;
            csv.append(String.format(Locale.ROOT, "%s,house,%s,4,%.2f,%s,0,0,0.5,%.1f%n", name, kinds[n], bpm, keys[n], duration));
            StringBuilder tempo = new StringBuilder();
            if (kinds[n].equals("tempo_step") || kinds[n].equals("tempo_ramp")) {
                String shape = kinds[n].equals("tempo_ramp") ? "ramp" : "const";
                tempo.append(String.format(Locale.ROOT, "0.5\t15.0\t%.2f\tconst%n15.0\t22.0\t%.2f\t%s%n22.0\t30.0\t%.2f\tconst%n",
                        bpm, bpm, shape, bpm * 1.07));
            } else {
                tempo.append(String.format(Locale.ROOT, "0.5\t30.0\t%.2f\tconst%n", bpm));
            }
            Files.writeString(truth.resolve(name + ".tempo"), tempo);
            StringBuilder beats = new StringBuilder();
            StringBuilder est = new StringBuilder();
            int i = 0;
            for (double t = 0.5; t < duration; t += 60 / bpm, i++) {
                beats.append(String.format(Locale.ROOT, "%.4f\t%d%n", t, i % 4 + 1));
                if (random.nextDouble() < 0.85) {
                    est.append(String.format(Locale.ROOT, "%.4f\t%d%n", t + random.nextDouble(-0.09, 0.09), (i + n % 2) % 4 + 1));
                }
            }
            Files.writeString(truth.resolve(name + ".beats"), beats);
            Files.writeString(truth.resolve(name + ".keys"), "0.5\t30.0\t" + keys[n] + "\n");
            Files.writeString(truth.resolve(name + ".chords"), "0.5\t8.0\tA:min\n8.0\t16.0\tC:maj\n16.0\t30.0\tF#:min\n");
            if (n != 4) {
                Files.writeString(pred.resolve(name + ".beats"), est);
                Files.writeString(pred.resolve(name + ".bpm"), String.format(Locale.ROOT, "%.2f%n", bpm * (n == 2 ? 2 : 1.01)));
                Files.writeString(pred.resolve(name + ".key"), predKeys[n] + "\n");
                Files.writeString(pred.resolve(name + ".tempo"), String.format(Locale.ROOT, "0\t16\t%.2f%n16\t30\t%.2f%n", bpm, bpm * 1.07));
                Files.writeString(pred.resolve(name + ".chords"), "0.0\t8.3\tA:min7\n8.3\t15\tC:maj\n15\t30\tN\n");
            }
        }
        Files.writeString(truth.resolve("truth.csv"), csv);
    }
}
