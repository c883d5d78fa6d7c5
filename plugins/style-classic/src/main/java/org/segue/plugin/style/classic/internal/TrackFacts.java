package org.segue.plugin.style.classic.internal;

import java.util.List;
import java.util.Optional;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Structure;
import org.segue.api.analysis.StructureSegment;
import org.segue.api.analysis.Tempo;

/**
 * What the styles need to know about one analysed track, read once: its bars and phrases (from the
 * beat grid), its tempo, its sections and its energy. Absent results are normal, so every accessor
 * has a defined answer without them.
 *
 * <p>Bars are counted from the grid's first downbeat: bar 0 starts on beat {@code firstDownbeat}.
 * Bars outside the grid are extrapolated at the tempo of the nearest end, so a lead-in before the
 * first beat (or a tail after the last) can still be measured in bars.
 *
 * <p>Immutable and cheap to build: {@code DjStyle.suitability} builds two per call.
 */
final class TrackFacts {

    /** Bars a grid needs before it is trusted for phrasing; shorter grids are treated as absent. */
    static final int MIN_GRID_BARS = 8;
    /** Energy below this is silence (or near it): no crossfade should land on it. */
    static final double AUDIBLE_ENERGY = 0.05;
    /** Time between energy samples when averaging a stretch of the curve. */
    private static final double ENERGY_STEP_SECONDS = 0.25;

    private final double duration;
    private final BeatGrid grid;
    private final double bpm;
    private final List<StructureSegment> sections;
    private final FeatureCurve energy;
    private final KeyEstimate key;

    private TrackFacts(AnalysisResults results) {
        this.duration = results.durationSeconds();
        BeatGrid found = results.get(StandardResults.BEAT_GRID).orElse(null);
        this.grid = found != null
                && found.beatCount() - found.firstDownbeat() >= MIN_GRID_BARS * found.beatsPerBar() ? found : null;
        double tempo = results.get(StandardResults.TEMPO).map(Tempo::bpm).orElse(Double.NaN);
        if (Double.isNaN(tempo) && grid != null) {
            tempo = grid.segments().get(0).bpm();
        }
        this.bpm = tempo;
        this.sections = results.get(StandardResults.STRUCTURE).map(Structure::segments).orElse(List.of());
        this.energy = results.get(StandardResults.ENERGY).orElse(null);
        this.key = results.get(StandardResults.KEY).orElse(null);
    }

    static TrackFacts of(AnalysisResults results) {
        return new TrackFacts(results);
    }

    double duration() {
        return duration;
    }

    boolean hasGrid() {
        return grid != null;
    }

    /** Beats in a bar: the grid's, or 4 (the common case) without one. */
    int beatsPerBar() {
        return grid != null ? grid.beatsPerBar() : 4;
    }

    /** The main tempo, or NaN when neither a tempo nor a grid was analysed. */
    double bpm() {
        return bpm;
    }

    /** The tempo in force at a time: the grid's segment there, else the main tempo. */
    double bpmAt(double seconds) {
        return grid != null ? grid.tempoAt(seconds) : bpm;
    }

    Optional<KeyEstimate> key() {
        return Optional.ofNullable(key);
    }

    // ---- bars ------------------------------------------------------------------------------

    /** The time a bar starts: exact inside the grid, extrapolated outside it. Needs a grid. */
    double downbeat(int bar) {
        return beatTime((long) bar * beatsPerBar());
    }

    /**
     * The time of a beat counted from the first downbeat (beat 0 is bar 0's downbeat): exact inside
     * the grid, extrapolated outside it. Needs a grid.
     */
    double beatTime(long beatFromFirstDownbeat) {
        BeatGrid g = requireGrid();
        long index = g.firstDownbeat() + beatFromFirstDownbeat;
        int last = g.beatCount() - 1;
        if (index < 0) {
            return g.beat(0) + index * secondsPerBeat(g.beat(0));
        }
        if (index > last) {
            return g.beat(last) + (index - last) * secondsPerBeat(g.beat(last));
        }
        return g.beat((int) index);
    }

    /** Where a time falls in bars from the first downbeat, with the fraction through the bar. */
    double barPosition(double seconds) {
        BeatGrid g = requireGrid();
        return (beatPosition(g, seconds) - g.firstDownbeat()) / g.beatsPerBar();
    }

    /** The bar whose downbeat is nearest a time, e.g. the bar a section label starts on. */
    int barNearest(double seconds) {
        return (int) Math.round(barPosition(seconds));
    }

    /**
     * The latest bar a stretch of {@code lengthBars} can start on and still end within the track.
     *
     * @return the bar, negative when the track is shorter than the stretch
     */
    int lastStartBar(int lengthBars) {
        // The epsilon keeps a stretch that ends exactly at the end of the audio.
        return (int) Math.floor(barPosition(duration) + 1e-6) - lengthBars;
    }

    /** The number of bars between two times, rounded: a section's length in bars. */
    int barsBetween(double fromSeconds, double toSeconds) {
        return (int) Math.round(barPosition(toSeconds) - barPosition(fromSeconds));
    }

    private static double beatPosition(BeatGrid g, double seconds) {
        int last = g.beatCount() - 1;
        if (seconds <= g.beat(0)) {
            return (seconds - g.beat(0)) / secondsPerBeat(g, g.beat(0));
        }
        if (seconds >= g.beat(last)) {
            return last + (seconds - g.beat(last)) / secondsPerBeat(g, g.beat(last));
        }
        int index = g.beatIndexAt(seconds);
        return index + (seconds - g.beat(index)) / (g.beat(index + 1) - g.beat(index));
    }

    private double secondsPerBeat(double seconds) {
        return secondsPerBeat(grid, seconds);
    }

    private static double secondsPerBeat(BeatGrid g, double seconds) {
        return 60.0 / g.tempoAt(seconds);
    }

    private BeatGrid requireGrid() {
        if (grid == null) {
            throw new IllegalStateException("no usable beat grid");
        }
        return grid;
    }

    // ---- sections ------------------------------------------------------------------------

    List<StructureSegment> sections() {
        return sections;
    }

    Optional<StructureSegment> first(SegmentLabel label) {
        return sections.stream().filter(s -> s.label() == label).findFirst();
    }

    Optional<StructureSegment> last(SegmentLabel label) {
        return sections.stream().filter(s -> s.label() == label).reduce((a, b) -> b);
    }

    // ---- energy ----------------------------------------------------------------------------

    boolean hasEnergy() {
        return energy != null;
    }

    /**
     * The mean energy over a stretch: from the energy curve, else from the sections' energies
     * weighted by overlap, else NaN.
     */
    double meanEnergy(double fromSeconds, double toSeconds) {
        if (!(toSeconds > fromSeconds)) {
            return energyAt(fromSeconds);
        }
        if (energy != null) {
            int steps = Math.max(1, (int) Math.ceil((toSeconds - fromSeconds) / ENERGY_STEP_SECONDS));
            double sum = 0;
            for (int i = 0; i <= steps; i++) {
                sum += energy.valueAt(fromSeconds + (toSeconds - fromSeconds) * i / steps);
            }
            return sum / (steps + 1);
        }
        double weighted = 0;
        double covered = 0;
        for (StructureSegment s : sections) {
            double overlap = Math.min(toSeconds, s.endSeconds()) - Math.max(fromSeconds, s.startSeconds());
            if (overlap > 0) {
                weighted += overlap * s.energy();
                covered += overlap;
            }
        }
        return covered > 0 ? weighted / covered : Double.NaN;
    }

    /** The energy at a time, NaN when unknown. */
    double energyAt(double seconds) {
        if (energy != null) {
            return energy.valueAt(seconds);
        }
        for (StructureSegment s : sections) {
            if (seconds >= s.startSeconds() && seconds < s.endSeconds()) {
                return s.energy();
            }
        }
        return Double.NaN;
    }

    /** The mean energy of the whole track, NaN when unknown. */
    double meanEnergy() {
        return meanEnergy(0, duration);
    }

    /** The first moment the track is audible: where energy first reaches {@link #AUDIBLE_ENERGY}. */
    double audibleStart() {
        if (energy == null) {
            return 0;
        }
        for (int i = 0; i < energy.size(); i++) {
            if (energy.value(i) >= AUDIBLE_ENERGY) {
                return Math.max(0, energy.startSeconds() + (i - 1) * energy.hopSeconds());
            }
        }
        return 0;
    }

    /** The last moment the track is audible, so a fade never lands on trailing silence. */
    double audibleEnd() {
        if (energy == null) {
            return duration;
        }
        for (int i = energy.size() - 1; i >= 0; i--) {
            if (energy.value(i) >= AUDIBLE_ENERGY) {
                return Math.min(duration, energy.startSeconds() + (i + 1) * energy.hopSeconds());
            }
        }
        return duration;
    }
}
