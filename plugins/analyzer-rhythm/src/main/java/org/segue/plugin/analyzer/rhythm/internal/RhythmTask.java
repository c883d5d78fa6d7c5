package org.segue.plugin.analyzer.rhythm.internal;

import java.util.Arrays;
import java.util.List;

import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.ResultSink;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TempoSegment;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;

/**
 * The rhythm analysis of one track. {@link #accept} only extends the onset features (no audio is
 * kept, and nothing is allocated per block beyond amortised buffer growth); the tempo, beats and
 * meter are worked out from those features in {@link #partial} and {@link #finish}.
 *
 * <p>Partial results re-analyse only the most recent {@code partialWindowSeconds}, so their cost
 * stays bounded however long the stream has played; beats from earlier partial results are kept
 * and the new ones appended, so a live caller still gets every beat so far.
 */
final class RhythmTask implements AnalysisTask {

    private final RhythmSettings settings;
    private final Downsampler downsampler;
    private final OnsetFeatures features;
    private final RhythmEstimator estimator;
    private double[] liveBeats = new double[0];

    RhythmTask(AudioFormat format, long frameLengthHint, RhythmSettings settings) {
        this.settings = settings;
        int rate = format.sampleRate() / Downsampler.factorFor(format.sampleRate());
        OnsetDetector detector = new OnsetDetector(rate, frameLengthHint, format.sampleRate());
        this.downsampler = new Downsampler(format.sampleRate(), format.channels(), detector);
        this.features = detector.features();
        this.estimator = new RhythmEstimator(settings);
    }

    @Override
    public void accept(AudioBlock block) {
        downsampler.accept(block);
    }

    @Override
    public void partial(ResultSink sink) {
        int frames = features.frames();
        int window = (int) Math.round(settings.partialWindowSeconds() * features.fps);
        int from = Math.max(0, frames - window);
        RhythmResult result = estimator.analyse(features, from, frames);
        if (result == null) {
            return;
        }
        double[] recent = result.beats();
        // Keep earlier beats up to a little into the new window, where this analysis may still be
        // settling; take the new analysis's beats from there on.
        double cut = from == 0 ? -1 : features.timeOf(from) + 2;
        int kept = 0;
        while (kept < liveBeats.length && liveBeats[kept] < cut) {
            kept++;
        }
        double minGap = 30.0 / result.bpm();
        int firstNew = 0;
        while (firstNew < recent.length
                && (recent[firstNew] < cut || (kept > 0 && recent[firstNew] < liveBeats[kept - 1] + minGap))) {
            firstNew++;
        }
        double[] beats = Arrays.copyOf(liveBeats, kept + recent.length - firstNew);
        System.arraycopy(recent, firstNew, beats, kept, recent.length - firstNew);
        liveBeats = beats;
        int perBar = result.beatsPerBar();
        int firstDownbeat = beats.length == 0 ? 0
                : Math.min(beats.length - 1, Math.floorMod(kept - firstNew + result.firstDownbeat(), perBar));
        List<TempoSegment> segments = result.segments();
        if (from > 0) {
            segments = List.of(new TempoSegment(0, result.segments().get(result.segments().size() - 1).bpm()));
        }
        sink.put(StandardResults.TEMPO, new Tempo(result.bpm(), result.confidence()));
        sink.put(StandardResults.BEAT_GRID, new BeatGrid(beats, perBar, firstDownbeat, segments));
    }

    @Override
    public void finish(ResultSink sink) {
        int frames = features.frames();
        if (frames == 0) {
            return;
        }
        RhythmResult result = estimator.analyse(features, 0, frames);
        if (result != null) {
            sink.put(StandardResults.TEMPO, new Tempo(result.bpm(), result.confidence()));
            sink.put(StandardResults.BEAT_GRID, new BeatGrid(result.beats(), result.beatsPerBar(),
                    result.firstDownbeat(), result.segments()));
        }
        sink.put(StandardResults.ONSET_STRENGTH, onsetCurve());
    }

    /** The onset envelope scaled so its maximum is 1 (all zeros for silence). */
    private FeatureCurve onsetCurve() {
        int frames = features.frames();
        float[] values = Arrays.copyOf(features.onset.array(), frames);
        float peak = 0;
        for (float v : values) {
            peak = Math.max(peak, v);
        }
        if (peak > 0) {
            for (int i = 0; i < frames; i++) {
                values[i] /= peak;
            }
        }
        return new FeatureCurve("onset strength", features.startSeconds, 1 / features.fps, values);
    }

    /** For the development harness: the features gathered so far. */
    OnsetFeatures features() {
        return features;
    }

    @Override
    public void close() {
        liveBeats = new double[0];
    }
}
