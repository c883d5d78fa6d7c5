package org.segue.plugin.style.classic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.Deck;
import org.segue.api.style.DjStyle;
import org.segue.api.style.RampShape;
import org.segue.api.style.SegueStyle;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;
import org.segue.plugin.style.classic.internal.Drops.Drop;

/**
 * The drum and bass double drop: both tracks' drops land on the same master beat, in the middle
 * of a short (8 or 16 bar) transition. The incoming's build rises in under the outgoing's with its
 * bass killed; on the drop the basses swap, so both drops hit together over one bass line; then
 * the outgoing's mids dip and its fader closes over the last bars.
 *
 * <p>When a drop is far from its track's start, the cues sit half the transition before it, on
 * phrase boundaries when the drop is on one. When the incoming's drop comes earlier than that, its
 * cue is before its first downbeat (possibly negative seconds: the documented lead-in, during
 * which the deck plays silence).
 */
@Component(service = DjStyle.class, configurationPid = DnbDoubleDrop.PID)
@Designate(ocd = DnbDoubleDrop.Config.class)
@SegueStyle(id = DnbDoubleDrop.ID, name = "Drum and bass double drop")
public class DnbDoubleDrop implements DjStyle {

    static final String ID = "segue.style.dnb-double-drop/1";
    static final String PID = "org.segue.style.dnbdoubledrop";
    /** Drops within this many bars of a phrase boundary are taken to be on it (analysis jitter). */
    private static final int SNAP_BARS = 2;

    @ObjectClassDefinition(name = "Segue drum and bass double drop",
            description = "Aligns both tracks' drops so they hit together, then fades the outgoing")
    public @interface Config {
        @AttributeDefinition(description = "Transition length in bars when the request leaves it open; "
                + "the drops land halfway", options = {@Option(label = "8 bars", value = "8"),
                        @Option(label = "16 bars", value = "16")})
        int lengthBars() default 16;

        @AttributeDefinition(description = "Bars in a phrase; drops near a phrase boundary are snapped to it",
                options = {@Option(label = "8 bars", value = "8"), @Option(label = "16 bars", value = "16")})
        int phraseBars() default 8;

        @AttributeDefinition(description = "Bars over which the outgoing fades out at the end", min = "1", max = "8")
        int fadeBars() default 4;

        @AttributeDefinition(description = "Align the outgoing's last drop instead of its first, "
                + "letting more of the outgoing play")
        boolean lastOutgoingDrop() default false;
    }

    private final int lengthBars;
    private final int phraseBars;
    private final int fadeBars;
    private final boolean lastOutgoingDrop;

    @Activate
    public DnbDoubleDrop(Config config) {
        this.lengthBars = config.lengthBars() <= 12 ? 8 : 16;
        this.phraseBars = config.phraseBars() >= 16 ? 16 : 8;
        this.fadeBars = Math.max(1, Math.min(8, config.fadeBars()));
        this.lastOutgoingDrop = config.lastOutgoingDrop();
    }

    /**
     * High only for 4/4 pairs with grids at drum and bass tempi (160–180 bpm, within 3 %) where
     * both tracks have a drop: a labelled DROP counts fully, an energy rise 0.8.
     */
    @Override
    public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
        PairFacts pair = PairFacts.of(outgoing, incoming);
        if (!pair.sameMeter() || pair.out.beatsPerBar() != 4) {
            return 0;
        }
        double tempo = PairFacts.falling(pair.tempoDeviation(), 0.03, 0.08);
        double genre = Math.min(PairFacts.band(pair.out.bpm(), 160, 180, 10), PairFacts.band(pair.in.bpm(), 160, 180, 10));
        if (tempo * genre == 0) {
            return 0;
        }
        Optional<Drop> outDrop = Drops.find(pair.out, lastOutgoingDrop);
        Optional<Drop> inDrop = Drops.find(pair.in, false);
        if (outDrop.isEmpty() || inDrop.isEmpty() || outDrop.get().bar() < 4) {
            return 0;
        }
        double drops = (outDrop.get().labelled() ? 1 : 0.8) * (inDrop.get().labelled() ? 1 : 0.8);
        double key = pair.keys() == PairFacts.KeyRelation.CLASH ? 0.85 : 1;
        return PairFacts.clamp(0.95 * tempo * genre * drops * key);
    }

    @Override
    public TransitionPlan plan(TransitionRequest request) {
        PairFacts pair = PairFacts.of(request.outgoing(), request.incoming());
        if (!pair.sameMeter()) {
            throw new IllegalArgumentException("a double drop needs beat grids with the same meter on both tracks");
        }
        Drop outDrop = Drops.find(pair.out, lastOutgoingDrop)
                .orElseThrow(() -> new IllegalArgumentException("no drop found in the outgoing track"));
        Drop inDrop = Drops.find(pair.in, false)
                .orElseThrow(() -> new IllegalArgumentException("no drop found in the incoming track"));
        int outDropBar = Phrases.snap(outDrop.bar(), phraseBars, SNAP_BARS);
        int inDropBar = Phrases.snap(inDrop.bar(), phraseBars, SNAP_BARS);

        Integer preferred = request.preferredLengthBars();
        int bars = preferred == null ? lengthBars : preferred <= 12 ? 8 : 16;
        String lengthReason = preferred == null ? "the configured length"
                : preferred == bars ? "as requested" : "the nearest double-drop length to the requested " + preferred;
        if (bars == 16 && !fits(pair, outDropBar, inDropBar, 16)) {
            bars = 8;
            lengthReason = "shortened: the outgoing has too little room around its drop for 16";
        }
        if (!fits(pair, outDropBar, inDropBar, bars)) {
            throw new IllegalArgumentException("the outgoing's drop at bar " + outDropBar
                    + " leaves no room for a double drop");
        }
        int pre = bars / 2;
        int beatsPerBar = pair.out.beatsPerBar();
        double beats = bars * beatsPerBar;
        double drop = pre * beatsPerBar;
        double fadeStart = Math.max(drop, beats - fadeBars * beatsPerBar);

        int outCueBar = outDropBar - pre;
        int inCueBar = inDropBar - pre;
        Cue out = new Cue(outCueBar, pair.out.downbeat(outCueBar), Words.bars(pre) + " before its "
                + (lastOutgoingDrop ? "last" : "first") + " drop at " + Words.time(pair.out.downbeat(outDropBar))
                + " (" + outDrop.source() + ")");
        Cue in = new Cue(inCueBar, pair.in.downbeat(inCueBar), Words.bars(pre) + " before its first drop at "
                + Words.time(pair.in.downbeat(inDropBar)) + " (" + inDrop.source() + ")"
                + (inCueBar < 0 ? "; the drop comes early, so the incoming starts " + Words.bars(-inCueBar)
                        + " into the mix" : ""));

        double fromBpm = pair.out.bpmAt(out.seconds());
        double toBpm = Tempos.end(pair.in, pair.in.downbeat(inDropBar), request.targetBpm());
        TempoRamp tempo = new TempoRamp(fromBpm, toBpm, 0, drop, RampShape.EXPONENTIAL);

        List<AutomationLane> lanes = new ArrayList<>(Lane.bassSwap(drop));
        lanes.add(Lane.volume(Deck.INCOMING).at(0, 0, RampShape.S_CURVE).at(drop / 2, 1).build());
        // After the drop the outgoing's mids dip, leaving the incoming's lead on top.
        lanes.add(Lane.of(Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_MID)
                .at(drop, 0, RampShape.S_CURVE).at(beats, -12).build());
        lanes.add(Lane.volume(Deck.OUTGOING).at(fadeStart, 1, RampShape.S_CURVE).at(beats, 0).build());

        String explanation = bars + "-bar double drop (" + lengthReason + "): both drops hit together on bar " + pre
                + " of the mix. The outgoing is cued at " + out.words() + "; the incoming at " + in.words()
                + ". The incoming builds in with its bass killed, takes over the bass on the drop, and the outgoing"
                + " fades out over the last " + Words.bars((int) ((beats - fadeStart) / beatsPerBar)) + ". "
                + Words.capitalise(Tempos.words(fromBpm, toBpm, "by the drop"))
                + Words.clause("; ", pair.keyWords()) + "." + Tempos.stretchWarning(pair);
        return new TransitionPlan(ID, out.seconds(), in.seconds(), bars, beatsPerBar, true, tempo, 0, lanes,
                explanation);
    }

    /** Whether both tracks have room: the outgoing from its cue to the end, the incoming after its cue. */
    private static boolean fits(PairFacts pair, int outDropBar, int inDropBar, int bars) {
        int pre = bars / 2;
        return outDropBar >= pre && pair.out.lastStartBar(bars) >= outDropBar - pre
                && pair.in.lastStartBar(bars) >= inDropBar - pre;
    }
}
