package org.segue.plugin.style.classic.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.Deck;
import org.segue.api.style.DjStyle;
import org.segue.api.style.RampShape;
import org.segue.api.style.SegueStyle;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;

/**
 * The filter-sweep fade: the incoming rises from a closed low-pass (only its sub and kick, far
 * away) to fully open by three quarters of the way, while the outgoing's high-pass sweeps up,
 * thinning it to hats and air before its fader closes over the last quarter. Cues as for the house
 * blend (phrase boundaries at the outgoing's outro and in the incoming's intro) but shorter, and
 * forgiving of structure and key: the filters keep the two tracks in different frequency ranges
 * for most of the overlap.
 */
@Component(service = DjStyle.class, configurationPid = FilterSweep.PID)
@Designate(ocd = FilterSweep.Config.class)
@SegueStyle(id = FilterSweep.ID, name = "Filter sweep")
public class FilterSweep implements DjStyle {

    static final String ID = "segue.style.filter-sweep/1";
    static final String PID = "org.segue.style.filtersweep";

    @ObjectClassDefinition(name = "Segue filter sweep",
            description = "High-pass the outgoing away while the incoming opens from low-pass")
    public @interface Config {
        @AttributeDefinition(description = "Transition length in bars when the request leaves it open",
                options = {@Option(label = "8 bars", value = "8"), @Option(label = "16 bars", value = "16")})
        int lengthBars() default 8;

        @AttributeDefinition(description = "Bars in a phrase; cues fall on multiples of it from the first downbeat",
                options = {@Option(label = "8 bars", value = "8"), @Option(label = "16 bars", value = "16")})
        int phraseBars() default 8;

        @AttributeDefinition(description = "How far the filters sweep (0.1..1 of the knob's travel)",
                min = "0.1", max = "1")
        double depth() default 0.85;

        @AttributeDefinition(description = "Filter resonance (0..1): higher gives the sweep a whistle",
                min = "0", max = "1")
        double resonance() default 0.3;
    }

    private final int lengthBars;
    private final int phraseBars;
    private final double depth;
    private final double resonance;

    @Activate
    public FilterSweep(Config config) {
        this.lengthBars = config.lengthBars() <= 12 ? 8 : 16;
        this.phraseBars = config.phraseBars() >= 16 ? 16 : 8;
        this.depth = Math.max(0.1, Math.min(1, config.depth()));
        this.resonance = Math.max(0, Math.min(1, config.resonance()));
    }

    /**
     * A solid all-rounder for beat-gridded pairs of the same meter within the stretch limit: 0.65 at
     * close tempi, 0.75 when the keys clash (the filters hide it better than a long blend), falling
     * to 0 at 12 % apart.
     */
    @Override
    public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
        PairFacts pair = PairFacts.of(outgoing, incoming);
        if (!pair.sameMeter()) {
            return 0;
        }
        double tempo = PairFacts.falling(pair.tempoDeviation(), 0.04, 0.12);
        double base = pair.keys() == PairFacts.KeyRelation.CLASH ? 0.75 : 0.65;
        return PairFacts.clamp(base * tempo);
    }

    @Override
    public TransitionPlan plan(TransitionRequest request) {
        PairFacts pair = PairFacts.of(request.outgoing(), request.incoming());
        if (!pair.sameMeter()) {
            throw new IllegalArgumentException("a filter sweep needs beat grids with the same meter on both tracks");
        }
        Integer preferred = request.preferredLengthBars();
        int bars = preferred == null ? lengthBars : preferred <= 12 ? 8 : 16;
        String lengthReason = preferred == null ? "the configured length"
                : preferred == bars ? "as requested" : "the nearest sweep length to the requested " + preferred;
        Cue out = Phrases.mixOut(pair.out, bars, phraseBars)
                .orElseThrow(() -> new IllegalArgumentException("the outgoing track is too short for a sweep"));
        Cue in = Phrases.mixIn(pair.in, bars, phraseBars)
                .orElseThrow(() -> new IllegalArgumentException("the incoming track is too short for a sweep"));

        int beatsPerBar = pair.out.beatsPerBar();
        double beats = bars * beatsPerBar;
        double open = beats * 3 / 4;
        double fromBpm = pair.out.bpmAt(out.seconds());
        double toBpm = Tempos.end(pair.in, in.seconds(), request.targetBpm());
        TempoRamp tempo = new TempoRamp(fromBpm, toBpm, 0, beats, RampShape.EXPONENTIAL);

        var lanes = List.of(
                Lane.of(Deck.OUTGOING, StandardEffects.FILTER, StandardEffects.FILTER_SWEEP)
                        .at(0, 0, RampShape.S_CURVE).at(beats, depth).build(),
                Lane.constant(Deck.OUTGOING, StandardEffects.FILTER, StandardEffects.FILTER_RESONANCE, resonance),
                Lane.volume(Deck.OUTGOING).at(open, 1, RampShape.S_CURVE).at(beats, 0).build(),
                Lane.of(Deck.INCOMING, StandardEffects.FILTER, StandardEffects.FILTER_SWEEP)
                        .at(0, -depth, RampShape.S_CURVE).at(open, 0).build(),
                Lane.constant(Deck.INCOMING, StandardEffects.FILTER, StandardEffects.FILTER_RESONANCE, resonance),
                Lane.volume(Deck.INCOMING).at(0, 0, RampShape.S_CURVE).at(beats / 4, 1).build());

        String explanation = bars + "-bar filter sweep (" + lengthReason + "). The outgoing is cued at " + out.words()
                + "; the incoming at " + in.words() + ". The incoming rises from a closed low-pass and is fully open "
                + "by bar " + (bars * 3 / 4) + " while the outgoing's high-pass sweeps up and its fader closes over "
                + "the last " + Words.bars(bars / 4) + ". " + Words.capitalise(Tempos.words(fromBpm, toBpm,
                        "across the sweep")) + Words.clause("; ", pair.keyWords()) + "." + Tempos.stretchWarning(pair);
        return new TransitionPlan(ID, out.seconds(), in.seconds(), bars, beatsPerBar, true, tempo, 0, lanes,
                explanation);
    }
}
