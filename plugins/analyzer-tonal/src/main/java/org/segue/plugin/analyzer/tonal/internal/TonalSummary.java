package org.segue.plugin.analyzer.tonal.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.segue.api.analysis.ChordProgression;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.KeySegment;
import org.segue.api.analysis.KeySegments;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.ResultSink;
import org.segue.api.analysis.StandardResults;

/**
 * The end of a track's analysis: from the stored chroma frames to the published key, key changes
 * and chords. Runs once, in {@link TonalTask#finish}; its arrays scale with the number of frames
 * (about 200 bytes a frame, some 15 MB for a two-hour mix), never with the audio.
 *
 * <p>The order matters because key and chords inform each other: the key signature of each
 * stretch comes first (it needs only the chroma), the chords are decoded knowing it, and the
 * chords then help tell each stretch's major key from its relative minor.
 */
final class TonalSummary {

    private final TonalTask task;
    private final ChromaStore store;
    private final Tuning tuning;

    TonalSummary(TonalTask task, ChromaStore store, double tuningSemitones) {
        this.task = task;
        this.store = store;
        this.tuning = new Tuning(tuningSemitones);
    }

    void publish(ResultSink sink, double durationSeconds) {
        int frames = store.frames();
        double fps = task.framesPerSecond();
        float[] treble = new float[frames * 12];
        float[] bass = new float[frames * 12];
        float[] strength = new float[frames];
        float[] in = new float[ChromaExtractor.BINS];
        float[] out = new float[12];
        for (int t = 0; t < frames; t++) {
            store.treble(t, in);
            tuning.fold(in, out);
            System.arraycopy(out, 0, treble, t * 12, 12);
            store.bass(t, in);
            tuning.fold(in, out);
            System.arraycopy(out, 0, bass, t * 12, 12);
            strength[t] = store.strength(t);
        }

        // Frames count by their weight as evidence, not their loudness: normalise, then weight.
        // Chord matching is indifferent to a frame's scale, so it reads the same arrays.
        float[] weight = FrameWeights.of(strength, frames);
        float[] keyChroma = new float[frames * 12];
        boolean tonal = false;
        for (int t = 0; t < frames; t++) {
            tonal |= weight[t] > 0;
            normalise(treble, t, weight[t]);
            normalise(bass, t, weight[t]);
            for (int i = 0; i < 12; i++) {
                keyChroma[t * 12 + i] = treble[t * 12 + i] + KeyEstimator.BASS_IN_PROFILE * bass[t * 12 + i];
            }
        }

        int[] bounds = tonal
                ? new KeyChangeDetector(task.profiles(), fps, task.settings().minKeySegmentSeconds())
                        .boundaries(keyChroma, frames)
                : new int[] {0, frames};
        int segmentCount = bounds.length - 1;
        float[][] segmentTreble = new float[segmentCount][12];
        float[][] segmentBass = new float[segmentCount][12];
        int[] scaleOfFrame = new int[frames];
        Arrays.fill(scaleOfFrame, -1);
        for (int s = 0; s < segmentCount && tonal; s++) {
            for (int t = bounds[s]; t < bounds[s + 1]; t++) {
                for (int i = 0; i < 12; i++) {
                    segmentTreble[s][i] += treble[t * 12 + i];
                    segmentBass[s][i] += bass[t * 12 + i];
                }
            }
            Arrays.fill(scaleOfFrame, bounds[s], bounds[s + 1], task.keys().scale(segmentTreble[s], segmentBass[s]));
        }

        ChordRecognizer recognizer = new ChordRecognizer(task.templates(), task.priorCost(), fps,
                task.settings().chordSwitchSeconds());
        int[] path = recognizer.decode(treble, bass, weight, scaleOfFrame, frames);
        if (durationSeconds > 0) {
            sink.put(StandardResults.CHORDS, new ChordProgression(recognizer.events(path, fps, durationSeconds)));
        }
        if (!tonal) {
            return; // silence: no key to report
        }

        List<KeySegment> segments = new ArrayList<>();
        double[] heldSeconds = new double[KeyProfiles.KEYS];
        double[] fit = new double[KeyProfiles.KEYS];
        for (int s = 0; s < segmentCount; s++) {
            int key = task.keys().estimate(segmentTreble[s], segmentBass[s], path, bounds[s], bounds[s + 1],
                    task.templates(), fps);
            double start = s == 0 ? 0 : (bounds[s] - 0.5) / fps;
            double end = s + 1 == segmentCount ? durationSeconds : (bounds[s + 1] - 0.5) / fps;
            heldSeconds[key] += Math.max(0, end - start);
            fit[key] = Math.max(fit[key], task.keys().scaleFit());
            MusicalKey musical = KeyProfiles.key(key);
            if (segments.isEmpty() || !segments.get(segments.size() - 1).key().equals(musical)) {
                segments.add(new KeySegment(start, musical));
            }
        }
        // The main key is the one in force longest, as a DJ reading a key tag expects.
        int main = 0;
        for (int k = 1; k < KeyProfiles.KEYS; k++) {
            if (heldSeconds[k] > heldSeconds[main]) {
                main = k;
            }
        }
        sink.put(StandardResults.KEY, new KeyEstimate(KeyProfiles.key(main), Math.max(0, Math.min(1, fit[main]))));
        sink.put(StandardResults.KEY_CHANGES, new KeySegments(segments));
    }

    /** Scales a frame's 12 values to sum to {@code weight}; silent frames become zero. */
    private static void normalise(float[] chroma, int frame, float weight) {
        float sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += chroma[frame * 12 + i];
        }
        float scale = sum > 0 ? weight / sum : 0;
        for (int i = 0; i < 12; i++) {
            chroma[frame * 12 + i] *= scale;
        }
    }
}
