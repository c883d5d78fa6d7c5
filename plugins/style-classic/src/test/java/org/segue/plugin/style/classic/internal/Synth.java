package org.segue.plugin.style.classic.internal;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.FeatureCurve;
import org.segue.api.analysis.KeyEstimate;
import org.segue.api.analysis.MusicalKey;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Structure;
import org.segue.api.analysis.StructureSegment;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TempoSegment;
import org.segue.api.testkit.ResultMap;

/**
 * A synthetic analysed track with a constant tempo and known bars, built with the test kit's
 * {@link ResultMap}; it also answers, independently of the code under test, where its bars are.
 */
final class Synth {

    /** Hop of the synthetic energy curve, as the real analyzer uses. */
    static final double HOP = 0.5;

    final String id;
    final double bpm;
    final int beatsPerBar;
    final int bars;
    final int pickupBeats;
    final double offset;
    final ResultMap results;

    private Synth(Builder b) {
        this.id = b.id;
        this.bpm = b.bpm;
        this.beatsPerBar = b.beatsPerBar;
        this.bars = b.bars;
        this.pickupBeats = b.pickupBeats;
        this.offset = b.offset;
        double duration = beatTime(pickupBeats + bars * beatsPerBar) + b.tailSeconds;
        this.results = new ResultMap(id, duration);
        results.put(StandardResults.TEMPO, new Tempo(bpm, 0.9));
        if (b.grid) {
            double[] beats = new double[pickupBeats + bars * beatsPerBar];
            for (int i = 0; i < beats.length; i++) {
                beats[i] = beatTime(i);
            }
            results.put(StandardResults.BEAT_GRID,
                    new BeatGrid(beats, beatsPerBar, pickupBeats, List.of(new TempoSegment(0, bpm))));
        }
        List<StructureSegment> segments = new ArrayList<>();
        for (Section s : b.sections) {
            segments.add(new StructureSegment(downbeat(s.fromBar), downbeat(s.toBar), s.label, s.energy));
        }
        if (b.structure && !segments.isEmpty()) {
            results.put(StandardResults.STRUCTURE, new Structure(segments));
        }
        if (b.energy != null || !segments.isEmpty()) {
            float[] values = new float[(int) Math.ceil(duration / HOP) + 1];
            for (int i = 0; i < values.length; i++) {
                double t = i * HOP;
                values[i] = (float) (b.energy != null ? b.energy.at(this, t) : sectionEnergy(segments, t));
            }
            results.put(StandardResults.ENERGY, new FeatureCurve("energy", 0, HOP, values));
        }
        if (b.key != null) {
            results.put(StandardResults.KEY, new KeyEstimate(MusicalKey.fromCamelot(b.key), 0.8));
        }
    }

    static Builder track(String id, double bpm, int bars) {
        return new Builder(id, bpm, bars);
    }

    /** 176 bars of house: 32-bar intro, drops, a 32-bar outro. */
    static Builder house(String id, double bpm) {
        return track(id, bpm, 176).section(SegmentLabel.INTRO, 0, 32, 0.4).section(SegmentLabel.BUILD, 32, 48, 0.6)
                .section(SegmentLabel.DROP, 48, 96, 0.85).section(SegmentLabel.BREAKDOWN, 96, 112, 0.5)
                .section(SegmentLabel.DROP, 112, 144, 0.9).section(SegmentLabel.OUTRO, 144, 176, 0.4).key("8A");
    }

    /** 128 bars of drum and bass: first drop on bar 32, second on bar 80, 16-bar outro. */
    static Builder dnb(String id, double bpm) {
        return track(id, bpm, 128).section(SegmentLabel.INTRO, 0, 24, 0.4).section(SegmentLabel.BUILD, 24, 32, 0.6)
                .section(SegmentLabel.DROP, 32, 64, 0.95).section(SegmentLabel.BREAKDOWN, 64, 72, 0.45)
                .section(SegmentLabel.BUILD, 72, 80, 0.6).section(SegmentLabel.DROP, 80, 112, 0.95)
                .section(SegmentLabel.OUTRO, 112, 128, 0.4).key("5A");
    }

    /** 64 bars of hip-hop: 8-bar intro, verses and hooks, 8-bar outro. */
    static Builder hipHop(String id, double bpm) {
        return track(id, bpm, 64).section(SegmentLabel.INTRO, 0, 8, 0.45).section(SegmentLabel.VERSE, 8, 24, 0.6)
                .section(SegmentLabel.CHORUS, 24, 32, 0.7).section(SegmentLabel.VERSE, 32, 48, 0.6)
                .section(SegmentLabel.CHORUS, 48, 56, 0.7).section(SegmentLabel.OUTRO, 56, 64, 0.4).key("10A");
    }

    /** 56 bars of a 70 bpm ballad: quiet throughout, a fading outro. */
    static Builder ballad(String id) {
        return track(id, 70, 56).section(SegmentLabel.INTRO, 0, 8, 0.15).section(SegmentLabel.VERSE, 8, 24, 0.3)
                .section(SegmentLabel.CHORUS, 24, 32, 0.45).section(SegmentLabel.VERSE, 32, 40, 0.3)
                .section(SegmentLabel.CHORUS, 40, 48, 0.45).section(SegmentLabel.OUTRO, 48, 56, 0.15).key("3B");
    }

    /** 96 bars of a 3/4 waltz-time song at 120 bpm. */
    static Builder waltz(String id) {
        return track(id, 120, 96).meter(3).section(SegmentLabel.INTRO, 0, 16, 0.3)
                .section(SegmentLabel.VERSE, 16, 48, 0.5).section(SegmentLabel.CHORUS, 48, 80, 0.6)
                .section(SegmentLabel.OUTRO, 80, 96, 0.3).key("8B");
    }

    double secondsPerBeat() {
        return 60 / bpm;
    }

    double barSeconds() {
        return beatsPerBar * secondsPerBeat();
    }

    /** Beat {@code i} of the grid (beat 0 is the first beat, before any pickup). */
    double beatTime(double i) {
        return offset + i * secondsPerBeat();
    }

    double downbeat(double bar) {
        return beatTime(pickupBeats + bar * beatsPerBar);
    }

    /** The exact (fractional) bar of a time, counted from the first downbeat. */
    double bar(double seconds) {
        return (seconds - downbeat(0)) / barSeconds();
    }

    double duration() {
        return results.durationSeconds();
    }

    private static double sectionEnergy(List<StructureSegment> segments, double t) {
        for (StructureSegment s : segments) {
            if (t >= s.startSeconds() && t < s.endSeconds()) {
                return s.energy();
            }
        }
        return 0;
    }

    record Section(SegmentLabel label, int fromBar, int toBar, double energy) {
    }

    /** Energy as a function of time, for tracks whose curve is not just their sections. */
    interface EnergyShape {
        double at(Synth track, double seconds);
    }

    static final class Builder {
        private final String id;
        private final double bpm;
        private final int bars;
        private int beatsPerBar = 4;
        private int pickupBeats;
        private double offset = 0.25;
        private double tailSeconds = 0.5;
        private boolean grid = true;
        private boolean structure = true;
        private String key;
        private EnergyShape energy;
        private final List<Section> sections = new ArrayList<>();

        Builder(String id, double bpm, int bars) {
            this.id = id;
            this.bpm = bpm;
            this.bars = bars;
        }

        Builder meter(int beats) {
            this.beatsPerBar = beats;
            return this;
        }

        /** Beats before the first downbeat. */
        Builder pickup(int beats) {
            this.pickupBeats = beats;
            return this;
        }

        Builder offset(double seconds) {
            this.offset = seconds;
            return this;
        }

        Builder tail(double seconds) {
            this.tailSeconds = seconds;
            return this;
        }

        Builder noGrid() {
            this.grid = false;
            return this;
        }

        /** Keeps the sections for the energy curve but publishes no STRUCTURE. */
        Builder noStructure() {
            this.structure = false;
            return this;
        }

        Builder key(String camelot) {
            this.key = camelot;
            return this;
        }

        Builder energy(EnergyShape shape) {
            this.energy = shape;
            return this;
        }

        Builder section(SegmentLabel label, int fromBar, int toBar, double level) {
            sections.add(new Section(label, fromBar, toBar, level));
            return this;
        }

        /** Replaces the sections, e.g. to move a drop. */
        Builder clearSections() {
            sections.clear();
            return this;
        }

        Synth build() {
            return new Synth(this);
        }
    }
}
