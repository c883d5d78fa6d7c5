package org.segue.plugin.cli.analysis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Scores predictions against a corpus with truth, metric for metric as the project's reference
 * scorer ({@code shared/eval/score.py}, after mir_eval and MIREX) does: tempo Acc1/Acc2, tempo
 * curve, beat and downbeat F-measure (±70 ms, first 5 s ignored), MIREX weighted key score and
 * majmin chord recall. A test runs both on the same folders and requires equal numbers.
 */
final class EvalScorer {

    static final List<String> METRICS = List.of("acc1", "acc2", "tempo_curve", "beat_f", "downbeat_f", "key", "chords_majmin");

    /** One piece's scores (only the metrics that apply to it). */
    record Piece(String file, String style, String kind, Map<String, Double> metrics) {
    }

    private record Segment(double start, double end, double bpm, String shape) {
    }

    private record Labelled(double start, double end, String label) {
    }

    private EvalScorer() {
    }

    static List<Piece> score(Path truthDir, Path predDir) throws IOException {
        List<Piece> pieces = new ArrayList<>();
        for (Map<String, String> p : Csv.read(truthDir.resolve("truth.csv"))) {
            String name = p.get("file");
            Path tb = truthDir.resolve(name);
            Path pb = predDir.resolve(name);
            Map<String, Double> m = new LinkedHashMap<>();
            List<Segment> tempo = new ArrayList<>();
            for (String[] r : rows(file(tb, ".tempo"), 4)) {
                tempo.add(new Segment(Double.parseDouble(r[0]), Double.parseDouble(r[1]), Double.parseDouble(r[2]), r[3]));
            }
            boolean rubato = p.get("kind").equals("rubato");
            boolean constant = tempo.size() == 1 && !rubato;
            Path bpmFile = file(pb, ".bpm");
            String[] bpmText = Files.exists(bpmFile) ? Files.readString(bpmFile).trim().split("\\s+") : new String[0];
            if (bpmText.length > 0 && !bpmText[0].isEmpty() && constant) {
                double est = Double.parseDouble(bpmText[0]);
                double ref = Double.parseDouble(p.get("bpm"));
                m.put("acc1", Math.abs(est - ref) <= 0.04 * ref ? 1.0 : 0.0);
                boolean any = false;
                for (double k : new double[] {1, 2, 0.5, 3, 1 / 3.0}) {
                    any |= Math.abs(est - ref * k) <= 0.04 * ref * k;
                }
                m.put("acc2", any ? 1.0 : 0.0);
            } else if (constant) {
                m.put("acc1", 0.0);
                m.put("acc2", 0.0);
            }
            if (!constant && !rubato) {
                m.put("tempo_curve", tempoCurve(tempo, file(pb, ".tempo")));
            }
            List<String[]> refBeats = rows(file(tb, ".beats"), 2);
            List<String[]> estBeats = Files.exists(file(pb, ".beats")) ? rows(file(pb, ".beats"), 2) : List.of();
            m.put("beat_f", fMeasure(times(refBeats, false), times(estBeats, false)));
            if (!estBeats.isEmpty() && estBeats.get(0).length > 1) {
                m.put("downbeat_f", fMeasure(times(refBeats, true), times(estBeats, true)));
            }
            Path keyFile = file(pb, ".key");
            String keyText = Files.exists(keyFile) ? Files.readString(keyFile).trim() : "";
            m.put("key", keyText.isEmpty() ? 0.0 : keyScore(parseKey(p.get("key")), parseKey(keyText)));
            if (Files.exists(file(pb, ".chords"))) {
                m.put("chords_majmin", overlap(labelled(file(tb, ".chords")), labelled(file(pb, ".chords")),
                        (r, e) -> java.util.Objects.equals(parseChord(r), parseChord(e))));
            }
            pieces.add(new Piece(name, p.get("style"), p.get("kind"), m));
        }
        return pieces;
    }

    /** The mean of each metric over the pieces it applies to, rounded to 4 decimals as the reference does. */
    static Map<String, Double> summarise(List<Piece> pieces) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String metric : METRICS) {
            double sum = 0;
            int n = 0;
            for (Piece p : pieces) {
                Double v = p.metrics().get(metric);
                if (v != null) {
                    sum += v;
                    n++;
                }
            }
            if (n > 0) {
                out.put(metric, Math.round(sum / n * 10000) / 10000.0);
            }
        }
        return out;
    }

    private static double tempoCurve(List<Segment> truth, Path estFile) throws IOException {
        List<double[]> est = new ArrayList<>();
        if (Files.exists(estFile)) {
            for (String[] r : rows(estFile, 3)) {
                est.add(new double[] {Double.parseDouble(r[0]), Double.parseDouble(r[1]), Double.parseDouble(r[2])});
            }
        }
        int ok = 0;
        int n = 0;
        for (double t = truth.get(0).start(); t < truth.get(truth.size() - 1).end(); t += 0.1) {
            Double ref = tempoAt(truth, t);
            Double estBpm = null;
            for (double[] e : est) {
                if (e[0] <= t && t < e[1]) {
                    estBpm = e[2];
                    break;
                }
            }
            n++;
            if (estBpm != null && Math.abs(estBpm - ref) <= 0.04 * ref) {
                ok++;
            }
        }
        return n == 0 ? 0.0 : ok / (double) n;
    }

    private static Double tempoAt(List<Segment> segments, double t) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.start() <= t && t < s.end()) {
                if (s.shape().equals("ramp") && i + 1 < segments.size()) {
                    return s.bpm() + (segments.get(i + 1).bpm() - s.bpm()) * (t - s.start()) / (s.end() - s.start());
                }
                return s.bpm();
            }
        }
        return null;
    }

    static double fMeasure(List<Double> reference, List<Double> estimate) {
        double window = 0.07;
        double skip = 5.0;
        List<Double> ref = reference.stream().filter(t -> t >= skip).toList();
        List<Double> est = estimate.stream().filter(t -> t >= skip).sorted().toList();
        if (ref.isEmpty() && est.isEmpty()) {
            return 1.0;
        }
        if (ref.isEmpty() || est.isEmpty()) {
            return 0.0;
        }
        boolean[] used = new boolean[est.size()];
        int hits = 0;
        int j = 0;
        for (double r : ref) {
            while (j < est.size() && est.get(j) < r - window) {
                j++;
            }
            for (int k = j; k < est.size() && est.get(k) <= r + window; k++) {
                if (!used[k]) {
                    used[k] = true;
                    hits++;
                    break;
                }
            }
        }
        if (hits == 0) {
            return 0.0;
        }
        double p = hits / (double) est.size();
        double r = hits / (double) ref.size();
        return 2 * p * r / (p + r);
    }

    private static double overlap(List<Labelled> reference, List<Labelled> estimate, BiPredicate<String, String> same) {
        long total = 0;
        long hit = 0;
        for (Labelled r : reference) {
            for (double t = r.start(); t < r.end(); t += 0.01) {
                total++;
                for (Labelled e : estimate) {
                    if (e.start() <= t && t < e.end()) {
                        if (same.test(r.label(), e.label())) {
                            hit++;
                        }
                        break;
                    }
                }
            }
        }
        return total == 0 ? 0.0 : hit / (double) total;
    }

    /** Pitch class of a note name such as {@code C#}, {@code Bb}. */
    static int pitchClass(String name) {
        String n = name.strip();
        int pc = switch (Character.toUpperCase(n.charAt(0))) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            case 'B' -> 11;
            default -> throw new IllegalArgumentException("not a note name: " + name);
        };
        for (char c : n.substring(1).toCharArray()) {
            pc += c == '#' ? 1 : c == 'b' ? -1 : 0;
        }
        return Math.floorMod(pc, 12);
    }

    /** {@code {tonic, 0 major / 1 minor}} of "A minor", "F# major", "A:min". */
    static int[] parseKey(String text) {
        String[] parts = text.replace(':', ' ').trim().split("\\s+");
        String mode = parts.length == 2 ? parts[1].toLowerCase(java.util.Locale.ROOT) : "";
        if (!List.of("major", "minor", "maj", "min").contains(mode)) {
            throw new IllegalArgumentException("not a key: '" + text + "'");
        }
        return new int[] {pitchClass(parts[0]), mode.startsWith("maj") ? 0 : 1};
    }

    static double keyScore(int[] ref, int[] est) {
        if (ref[0] == est[0] && ref[1] == est[1]) {
            return 1.0;
        }
        if (ref[1] == est[1] && Math.floorMod(est[0] - ref[0], 12) == 7) {
            return 0.5;
        }
        if (ref[1] == 0 && est[1] == 1 && Math.floorMod(ref[0] - est[0], 12) == 3) {
            return 0.3;
        }
        if (ref[1] == 1 && est[1] == 0 && Math.floorMod(est[0] - ref[0], 12) == 3) {
            return 0.3;
        }
        if (ref[0] == est[0]) {
            return 0.2;
        }
        return 0.0;
    }

    /** {@code "pc:maj|min"} for a Harte label, {@code null} for no chord. */
    static String parseChord(String label) {
        String l = label.strip();
        if (l.isEmpty() || l.equals("N") || l.equals("X")) {
            return null;
        }
        int colon = l.indexOf(':');
        String root = colon < 0 ? l : l.substring(0, colon);
        String quality = colon < 0 ? "" : l.substring(colon + 1).split("/")[0].split("\\(")[0];
        return pitchClass(root) + (quality.startsWith("min") ? ":min" : ":maj");
    }

    private static List<Double> times(List<String[]> rows, boolean downbeatsOnly) {
        List<Double> t = new ArrayList<>();
        for (String[] r : rows) {
            if (!downbeatsOnly || (r.length > 1 && r[1].equals("1"))) {
                t.add(Double.parseDouble(r[0]));
            }
        }
        return t;
    }

    private static List<Labelled> labelled(Path file) throws IOException {
        List<Labelled> list = new ArrayList<>();
        for (String[] r : rows(file, 3)) {
            list.add(new Labelled(Double.parseDouble(r[0]), Double.parseDouble(r[1]), r[2]));
        }
        return list;
    }

    private static Path file(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    /** Whitespace-separated rows, blank and {@code #} lines skipped, at most {@code cols} cells each. */
    static List<String[]> rows(Path file, int cols) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            rows.add(parts.length > cols ? java.util.Arrays.copyOf(parts, cols) : parts);
        }
        return rows;
    }
}
