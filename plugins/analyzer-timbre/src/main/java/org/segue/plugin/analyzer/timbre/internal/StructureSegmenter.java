package org.segue.plugin.analyzer.timbre.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.Structure;
import org.segue.api.analysis.StructureSegment;

/**
 * Cuts a track into sections and names them, with rules a DJ can check by ear.
 *
 * <p>Boundaries: each second is described by its timbre (MFCC 1–12), level, brightness, noisiness
 * and bass/mid/treble balance, standardised over the track. Foote's novelty, the contrast between
 * how alike the seconds on either side of a point are and how alike they are across it, peaks
 * where the music changes. It is computed only in a band of ±{@code K} seconds (a tenth of the
 * track, 3 to 8 s) around the diagonal
 * of the self-similarity matrix, so memory and time stay linear in track length. Peaks at least
 * {@code K} seconds apart become boundaries, each moved to the half-second of the largest level
 * step within ±1 s.
 *
 * <p>Labels come from each section's level in dB below the loudest section, plain numbers a DJ
 * can check on a meter: within 2.5 dB is high, 6 dB or more below is low. A start below high is
 * the INTRO and an end below high the OUTRO; a high section is a DROP when it jumps at least 4 dB
 * above the section before, else a CHORUS; a section rising 3 dB or more (first to last third)
 * into a high one is a BUILD; a section 4 dB or more down between high ones is a BREAKDOWN; the
 * rest is VERSE. Neighbours with the same label merge. Levels are power means, so silence and
 * fades around the music do not move the scale.
 */
final class StructureSegmenter {

    private static final int MIN_KERNEL_SECONDS = 3;
    private static final int MAX_KERNEL_SECONDS = 8;
    private static final double ENERGY_WEIGHT = 3;
    // Section levels in dB below the loudest section.
    private static final double HIGH_DB = -2.5;
    private static final double LOW_DB = -6;
    private static final double BREAKDOWN_DB = -4;
    private static final double DROP_JUMP_DB = 4;
    private static final double BUILD_RISE_DB = 3;

    private final FeatureTimeline timeline;
    private final float[] relativeEnergy;
    private final float[] absoluteEnergy;
    private final double duration;

    /**
     * @param relativeEnergy per-slot energy normalised to the track, 0..1
     * @param absoluteEnergy per-slot energy on the cross-track scale, 0..1
     * @param duration the track's length in seconds
     */
    StructureSegmenter(FeatureTimeline timeline, float[] relativeEnergy, float[] absoluteEnergy, double duration) {
        this.timeline = timeline;
        this.relativeEnergy = relativeEnergy;
        this.absoluteEnergy = absoluteEnergy;
        this.duration = duration;
    }

    Structure segment() {
        // Only the audible span is segmented; silence before and after joins the first and last
        // sections. Otherwise the music-to-silence step outweighs every change within the music.
        int firstSecond = 0;
        int lastSecond = -1;
        double loudest = -200;
        for (int slot = 0; slot < timeline.slots(); slot++) {
            loudest = Math.max(loudest, timeline.levelDb(slot));
        }
        double audible = Math.max(-70, loudest - 50);
        for (int slot = 0; slot < timeline.slots(); slot++) {
            if (timeline.levelDb(slot) > audible) {
                if (lastSecond < 0) {
                    firstSecond = slot / 2;
                }
                lastSecond = slot / 2;
            }
        }
        double[][] seconds = standardisedSeconds(firstSecond, lastSecond + 1);
        List<Double> cuts = new ArrayList<>();
        cuts.add(0.0);
        for (double b : boundaries(seconds, firstSecond)) {
            cuts.add(b);
        }
        cuts.add(duration);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            if (cuts.get(i + 1) > cuts.get(i)) {
                sections.add(measure(cuts.get(i), cuts.get(i + 1)));
            }
        }
        label(sections);
        return new Structure(merge(sections));
    }

    /** Feature vectors of seconds {@code from..to-1}, each dimension standardised over them. */
    private double[][] standardisedSeconds(int from, int to) {
        int slots = timeline.slots();
        int n = Math.max(0, to - from);
        int dims = 12 + 6;
        double[][] f = new double[n][dims];
        for (int t = 0; t < n; t++) {
            int a = 2 * (from + t);
            int b = Math.min(slots - 1, a + 1);
            for (int i = 0; i < 12; i++) {
                f[t][i] = (timeline.get(a, FeatureTimeline.MFCC + 1 + i) + timeline.get(b, FeatureTimeline.MFCC + 1 + i)) / 2;
            }
            f[t][12] = (relativeEnergy[a] + relativeEnergy[b]) / 2;
            f[t][13] = TrackStats.log2(Math.max(20, (timeline.get(a, FeatureTimeline.CENTROID) + timeline.get(b, FeatureTimeline.CENTROID)) / 2));
            f[t][14] = (timeline.get(a, FeatureTimeline.FLATNESS) + timeline.get(b, FeatureTimeline.FLATNESS)) / 2;
            double low = timeline.get(a, FeatureTimeline.LOW) + timeline.get(b, FeatureTimeline.LOW);
            double mid = timeline.get(a, FeatureTimeline.MID) + timeline.get(b, FeatureTimeline.MID);
            double high = timeline.get(a, FeatureTimeline.HIGH) + timeline.get(b, FeatureTimeline.HIGH);
            double total = low + mid + high + 1e-12;
            f[t][15] = low / total;
            f[t][16] = mid / total;
            f[t][17] = high / total;
        }
        // Floors on the spread keep a nearly constant feature from being blown up into noise.
        double[] floors = new double[dims];
        Arrays.fill(floors, 0, 12, 0.5);
        floors[12] = 0.05;
        floors[13] = 0.1;
        Arrays.fill(floors, 14, dims, 0.02);
        for (int d = 0; d < dims; d++) {
            double sum = 0;
            double squares = 0;
            for (double[] v : f) {
                sum += v[d];
                squares += v[d] * v[d];
            }
            double mean = n == 0 ? 0 : sum / n;
            double std = n == 0 ? 1 : Math.sqrt(Math.max(0, squares / n - mean * mean));
            double scale = (d == 12 ? ENERGY_WEIGHT : 1) / Math.max(std, floors[d]);
            for (double[] v : f) {
                v[d] = (v[d] - mean) * scale;
            }
        }
        return f;
    }

    /** Boundary times in seconds, ascending; {@code f[0]} describes second {@code offset}. */
    private List<Double> boundaries(double[][] f, int offset) {
        int n = f.length;
        // A tenth of the track, 3 to 8 s: wide enough to average over bars, narrow enough that a
        // short track's 8-second sections still stand apart.
        int k = Math.max(MIN_KERNEL_SECONDS, Math.min(MAX_KERNEL_SECONDS, Math.round(n / 10f)));
        if (n < 2 * k + 2) {
            return List.of();
        }
        double[] novelty = new double[n];
        for (int t = k; t <= n - k; t++) {
            double across = 0;
            for (int i = t - k; i < t; i++) {
                for (int j = t; j < t + k; j++) {
                    across += distance(f[i], f[j]);
                }
            }
            double within = (meanWithin(f, t - k, t) + meanWithin(f, t, t + k)) / 2;
            novelty[t] = across / (k * k) - within;
        }
        double max = 0;
        double sum = 0;
        for (int t = k; t <= n - k; t++) {
            max = Math.max(max, novelty[t]);
            sum += novelty[t];
        }
        double mean = sum / (n - 2 * k + 1);
        double squares = 0;
        for (int t = k; t <= n - k; t++) {
            squares += (novelty[t] - mean) * (novelty[t] - mean);
        }
        double threshold = Math.max(0.25 * max, mean + 0.5 * Math.sqrt(squares / (n - 2 * k + 1)));
        // Strongest peaks first, each at least k seconds from those already taken.
        List<Integer> candidates = new ArrayList<>();
        for (int t = k; t <= n - k; t++) {
            if (novelty[t] > threshold && novelty[t] >= novelty[t - 1] && (t + 1 >= n || novelty[t] >= novelty[t + 1])) {
                candidates.add(t);
            }
        }
        candidates.sort((x, y) -> Double.compare(novelty[y], novelty[x]));
        List<Integer> taken = new ArrayList<>();
        for (int t : candidates) {
            if (taken.stream().allMatch(u -> Math.abs(u - t) >= k)) {
                taken.add(t);
            }
        }
        taken.sort(null);
        List<Double> times = new ArrayList<>();
        for (int t : taken) {
            times.add(refine(t + offset));
        }
        return times;
    }

    private static double meanWithin(double[][] f, int from, int to) {
        double sum = 0;
        int pairs = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                sum += distance(f[i], f[j]);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            double x = a[d] - b[d];
            s += x * x;
        }
        return Math.sqrt(s / a.length);
    }

    /** The half-second within ±1 s of {@code second} where the level steps most (two slots each side). */
    private double refine(int second) {
        int best = 2 * second;
        double bestStep = -1;
        for (int slot = 2 * second - 2; slot <= 2 * second + 2; slot++) {
            if (slot < 2 || slot + 2 > relativeEnergy.length) {
                continue;
            }
            double step = Math.abs(relativeEnergy[slot] + relativeEnergy[slot + 1]
                    - relativeEnergy[slot - 1] - relativeEnergy[slot - 2]);
            if (step > bestStep + 1e-6) {
                bestStep = step;
                best = slot;
            }
        }
        return Math.min(duration, best * FeatureTimeline.SLOT_SECONDS);
    }

    /** A section's times, level (dB) overall and over its first and last thirds, energy; labelled later. */
    private static final class Section {
        final double start;
        final double end;
        final double db;
        final double headDb;
        final double tailDb;
        final double absolute;
        SegmentLabel label;

        Section(double start, double end, double db, double headDb, double tailDb, double absolute) {
            this.start = start;
            this.end = end;
            this.db = db;
            this.headDb = headDb;
            this.tailDb = tailDb;
            this.absolute = absolute;
        }
    }

    private Section measure(double start, double end) {
        int from = (int) Math.floor(start / FeatureTimeline.SLOT_SECONDS);
        int to = Math.max(from + 1, (int) Math.ceil(end / FeatureTimeline.SLOT_SECONDS));
        from = Math.min(from, timeline.slots() - 1);
        to = Math.min(to, timeline.slots());
        int third = Math.max(1, (to - from) / 3);
        double absolute = 0;
        for (int i = from; i < to; i++) {
            absolute += absoluteEnergy[i] / (to - from);
        }
        return new Section(start, end, levelDb(from, to), levelDb(from, from + third),
                levelDb(Math.max(from, to - third), to), absolute);
    }

    /** The level of slots {@code from..to-1}: their mean power, in dB. */
    private double levelDb(int from, int to) {
        double power = 0;
        for (int i = from; i < to; i++) {
            power += timeline.get(i, FeatureTimeline.WEIGHTED_POWER);
        }
        return 10 * Math.log10(power / Math.max(1, to - from) + 1e-12);
    }

    private static void label(List<Section> sections) {
        int n = sections.size();
        double loudest = sections.stream().mapToDouble(x -> x.db).max().orElse(0);
        double[] level = new double[n];
        int firstHigh = -1;
        int lastHigh = -1;
        for (int i = 0; i < n; i++) {
            level[i] = sections.get(i).db - loudest;
            if (level[i] >= HIGH_DB) {
                lastHigh = i;
                if (firstHigh < 0) {
                    firstHigh = i;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Section s = sections.get(i);
            SegmentLabel label;
            if (level[i] >= HIGH_DB) {
                boolean jump = i > 0 && s.db - sections.get(i - 1).db >= DROP_JUMP_DB;
                label = jump ? SegmentLabel.DROP : SegmentLabel.CHORUS;
            } else if (i == 0) {
                label = SegmentLabel.INTRO;
            } else if (i + 1 < n && level[i + 1] >= HIGH_DB && s.tailDb - s.headDb >= BUILD_RISE_DB) {
                // Before the low-start rule: a build may start as quietly as the intro.
                label = SegmentLabel.BUILD;
            } else if (i < firstHigh && level[i] <= LOW_DB && allLowBefore(level, i)) {
                label = SegmentLabel.INTRO;
            } else if (i == n - 1 || i > lastHigh && level[i] <= LOW_DB && lastHigh >= 0) {
                label = SegmentLabel.OUTRO;
            } else if (i > firstHigh && i < lastHigh && level[i] <= BREAKDOWN_DB) {
                label = SegmentLabel.BREAKDOWN;
            } else {
                label = SegmentLabel.VERSE;
            }
            s.label = label;
        }
    }

    private static boolean allLowBefore(double[] level, int i) {
        for (int j = 0; j < i; j++) {
            if (level[j] > LOW_DB) {
                return false;
            }
        }
        return true;
    }

    private static List<StructureSegment> merge(List<Section> sections) {
        List<StructureSegment> out = new ArrayList<>();
        int i = 0;
        while (i < sections.size()) {
            Section first = sections.get(i);
            double end = first.end;
            double weighted = first.absolute * (first.end - first.start);
            int j = i + 1;
            while (j < sections.size() && sections.get(j).label == first.label) {
                Section next = sections.get(j);
                weighted += next.absolute * (next.end - next.start);
                end = next.end;
                j++;
            }
            double energy = Math.max(0, Math.min(1, weighted / (end - first.start)));
            out.add(new StructureSegment(first.start, end, first.label, energy));
            i = j;
        }
        return out;
    }
}
