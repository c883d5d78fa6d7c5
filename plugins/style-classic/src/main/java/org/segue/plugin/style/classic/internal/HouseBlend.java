package org.segue.plugin.style.classic.internal;

import java.util.ArrayList;
import java.util.List;

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

/**
 * The long, phrase-aligned house blend with a bass swap: the incoming track starts on a phrase of
 * its intro with its bass killed under the outgoing's outro; at the midpoint of the blend the
 * basses swap on a downbeat, and the outgoing fades out over the second half while the tempo
 * ramps to the incoming's.
 *
 * <p>Timeline (B beats): incoming fader up over the first quarter, incoming highs come up over the
 * first half; the basses swap in the eighth of a beat before B/2 (so both are never at full level
 * together); outgoing highs go down and its fader closes over the second half.
 */
@Component(service = DjStyle.class, configurationPid = HouseBlend.PID)
@Designate(ocd = HouseBlend.Config.class)
@SegueStyle(id = HouseBlend.ID, name = "House blend")
public class HouseBlend implements DjStyle {

    static final String ID = "segue.style.house-blend/1";
    static final String PID = "org.segue.style.houseblend";

    @ObjectClassDefinition(name = "Segue house blend",
            description = "Long phrase-aligned blend with a bass swap, for 4/4 dance music at close tempi")
    public @interface Config {
        @AttributeDefinition(description = "Blend length in bars when the request leaves it open; "
                + "shortened to 16 when the outgoing's outro or the incoming's intro is shorter than 32 bars",
                options = {@Option(label = "16 bars", value = "16"), @Option(label = "32 bars", value = "32")})
        int lengthBars() default 32;

        @AttributeDefinition(description = "Bars in a phrase; cues fall on multiples of it from the first downbeat",
                options = {@Option(label = "8 bars", value = "8"), @Option(label = "16 bars", value = "16")})
        int phraseBars() default 8;

        @AttributeDefinition(description = "Ramp the master tempo from the outgoing's to the incoming's across "
                + "the blend; when off the tempo holds at the outgoing's and the incoming is stretched to it")
        boolean rampTempo() default true;
    }

    private final int lengthBars;
    private final int phraseBars;
    private final boolean rampTempo;

    @Activate
    public HouseBlend(Config config) {
        this.lengthBars = config.lengthBars() <= 24 ? 16 : 32;
        this.phraseBars = config.phraseBars() >= 16 ? 16 : 8;
        this.rampTempo = config.rampTempo();
    }

    /**
     * High for 4/4 pairs with grids at house tempi (118–130 bpm) within a few percent, with room in
     * the outgoing's outro and the incoming's intro and keys that mix; 0 without grids, outside 4/4
     * or beyond the stretch limit.
     */
    @Override
    public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
        PairFacts pair = PairFacts.of(outgoing, incoming);
        if (!pair.sameMeter() || pair.out.beatsPerBar() != 4) {
            return 0;
        }
        // 1 up to 4 % apart, 0.75 at 6 %, 0 at 12 %: a long overlap makes stretching audible.
        double tempo = PairFacts.falling(pair.tempoDeviation(), 0.04, 0.12);
        double genre = 0.4 + 0.6 * Math.min(PairFacts.band(pair.out.bpm(), 118, 130, 15),
                PairFacts.band(pair.in.bpm(), 118, 130, 15));
        double room = (Phrases.outroBars(pair.out) >= 16 ? 1 : 0.85) * (Phrases.introBars(pair.in) >= 16 ? 1 : 0.85);
        double key = pair.keys() == PairFacts.KeyRelation.CLASH ? 0.8 : 1;
        return PairFacts.clamp(0.95 * tempo * genre * room * key);
    }

    @Override
    public TransitionPlan plan(TransitionRequest request) {
        PairFacts pair = PairFacts.of(request.outgoing(), request.incoming());
        if (!pair.sameMeter()) {
            throw new IllegalArgumentException("a house blend needs beat grids with the same meter on both tracks");
        }
        int bars = lengthBars;
        String lengthReason;
        if (request.preferredLengthBars() != null) {
            bars = request.preferredLengthBars() <= 24 ? 16 : 32;
            lengthReason = bars == request.preferredLengthBars() ? "as requested"
                    : "the house length nearest the requested " + Words.bars(request.preferredLengthBars());
        } else if (bars == 32 && Math.min(Phrases.outroBars(pair.out), Phrases.introBars(pair.in)) < 32) {
            bars = 16;
            lengthReason = "because the outgoing's outro or the incoming's intro is shorter than 32 bars";
        } else {
            lengthReason = bars == 32 ? "because the outgoing's outro and the incoming's intro both have room"
                    : "the configured length";
        }
        var outCue = Phrases.mixOut(pair.out, bars, phraseBars);
        if (outCue.isEmpty() && bars == 32) {
            bars = 16;
            lengthReason = "because the outgoing is too short for 32 bars";
            outCue = Phrases.mixOut(pair.out, bars, phraseBars);
        }
        Cue out = outCue.orElseThrow(() -> new IllegalArgumentException("the outgoing track is too short to blend"));
        int finalBars = bars;
        Cue in = Phrases.mixIn(pair.in, bars, phraseBars)
                .orElseThrow(() -> new IllegalArgumentException("the incoming track is shorter than " + finalBars + " bars"));

        int beatsPerBar = pair.out.beatsPerBar();
        double beats = bars * beatsPerBar;
        double mid = beats / 2;
        double fromBpm = pair.out.bpmAt(out.seconds());
        double toBpm = rampTempo ? Tempos.end(pair.in, in.seconds(), request.targetBpm()) : fromBpm;
        TempoRamp tempo = new TempoRamp(fromBpm, toBpm, 0, beats, RampShape.EXPONENTIAL);

        List<AutomationLane> lanes = new ArrayList<>(Lane.bassSwap(mid));
        lanes.add(Lane.volume(Deck.INCOMING).at(0, 0, RampShape.S_CURVE).at(beats / 4, 1).build());
        lanes.add(Lane.of(Deck.INCOMING, StandardEffects.EQ3, StandardEffects.EQ3_HIGH)
                .at(0, -12, RampShape.S_CURVE).at(mid, 0).build());
        lanes.add(Lane.of(Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_HIGH)
                .at(mid, 0, RampShape.S_CURVE).at(beats, -12).build());
        lanes.add(Lane.volume(Deck.OUTGOING).at(mid, 1, RampShape.S_CURVE).at(beats, 0).build());

        String explanation = bars + "-bar house blend (" + lengthReason + "). The outgoing track is cued at "
                + out.words() + "; the incoming at " + in.words() + ". It comes in with its bass killed; on bar "
                + bars / 2 + " of the blend, the midpoint, the basses swap, and the outgoing fades out by bar " + bars
                + ". " + Words.capitalise(Tempos.words(fromBpm, toBpm, "across the blend"))
                + Words.clause("; ", pair.keyWords()) + "." + Tempos.stretchWarning(pair);
        return new TransitionPlan(ID, out.seconds(), in.seconds(), bars, beatsPerBar, true, tempo, 0, lanes,
                explanation);
    }
}
