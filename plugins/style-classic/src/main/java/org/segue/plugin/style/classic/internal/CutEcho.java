package org.segue.plugin.style.classic.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.SegmentLabel;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.Deck;
import org.segue.api.style.DjStyle;
import org.segue.api.style.RampShape;
import org.segue.api.style.SegueStyle;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;

/**
 * The hip-hop quick cut with an echo-out: the outgoing's echo opens and its feedback climbs over
 * the last bar(s) of a phrase, its fader is cut on the bar line that starts the next phrase, and
 * the incoming slams in at full level on its own phrase downbeat at that same beat.
 *
 * <p>The musically fixed point is the cut, not beat 0: the cut lands on a phrase boundary of both
 * tracks, so the cues themselves sit the echo bars before it (on downbeats). The master tempo
 * switches from the outgoing's to the incoming's at the cut; since the decks barely overlap (the
 * incoming is silent before the cut, the outgoing after it), any tempo difference is fine.
 */
@Component(service = DjStyle.class, configurationPid = CutEcho.PID)
@Designate(ocd = CutEcho.Config.class)
@SegueStyle(id = CutEcho.ID, name = "Cut with echo-out")
public class CutEcho implements DjStyle {

    static final String ID = "segue.style.cut-echo/1";
    static final String PID = "org.segue.style.cutecho";

    @ObjectClassDefinition(name = "Segue cut with echo-out",
            description = "Echoes the outgoing out and slams the incoming in on the downbeat")
    public @interface Config {
        @AttributeDefinition(description = "Transition length in bars when the request leaves it open; the first "
                + "half echoes out, the cut comes after it (at the end for 1 bar)", min = "1", max = "4")
        int lengthBars() default 2;

        @AttributeDefinition(description = "Bars in a phrase; the cut and the slam fall on phrase boundaries",
                options = {@Option(label = "8 bars", value = "8"), @Option(label = "16 bars", value = "16")})
        int phraseBars() default 8;

        @AttributeDefinition(description = "Echo delay in beats", min = "0.125", max = "4",
                options = {@Option(label = "1/8 note", value = "0.5"), @Option(label = "dotted 1/8", value = "0.75"),
                        @Option(label = "1/4 note", value = "1"), @Option(label = "1/2 note", value = "2")})
        double echoBeats() default 1;

        @AttributeDefinition(description = "Echo feedback reached at the cut (0..0.95): higher repeats longer",
                min = "0", max = "0.95")
        double feedback() default 0.7;

        @AttributeDefinition(description = "Slam the incoming in where its intro ends (its first verse or hook) "
                + "rather than on its first downbeat")
        boolean skipIntro() default true;
    }

    private final int lengthBars;
    private final int phraseBars;
    private final double echoBeats;
    private final double feedback;
    private final boolean skipIntro;

    @Activate
    public CutEcho(Config config) {
        this.lengthBars = Math.max(1, Math.min(4, config.lengthBars()));
        this.phraseBars = config.phraseBars() >= 16 ? 16 : 8;
        this.echoBeats = Math.max(0.125, Math.min(4, config.echoBeats()));
        this.feedback = Math.max(0, Math.min(0.95, config.feedback()));
        this.skipIntro = config.skipIntro();
    }

    /**
     * Needs grids on both tracks (for the bar line and the downbeat) but no tempo match: 0.5 for any
     * such pair, up to 0.85 for hip-hop tempi (80–115 bpm), at least 0.6 when the tempi are too far
     * apart to beat-match; halved out of a ballad (a hard cut out of a slow, quiet song jars), and
     * lowered when the meters differ.
     */
    @Override
    public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
        PairFacts pair = PairFacts.of(outgoing, incoming);
        if (!pair.bothGridded()) {
            return 0;
        }
        double hipHop = Math.min(PairFacts.band(pair.out.bpm(), 80, 115, 10), PairFacts.band(pair.in.bpm(), 80, 115, 10));
        double score = 0.5 + 0.35 * hipHop;
        if (pair.tempoDeviation() > PairFacts.STRETCH_LIMIT) {
            score = Math.max(score, 0.6);
        }
        if (RadioCrossfade.isBallad(pair.out)) {
            score *= 0.5;
        }
        if (!pair.sameMeter()) {
            score *= 0.8;
        }
        return PairFacts.clamp(score);
    }

    @Override
    public TransitionPlan plan(TransitionRequest request) {
        PairFacts pair = PairFacts.of(request.outgoing(), request.incoming());
        if (!pair.bothGridded()) {
            throw new IllegalArgumentException("a cut needs beat grids on both tracks");
        }
        Integer preferred = request.preferredLengthBars();
        int bars = preferred == null ? lengthBars : Math.min(4, preferred);
        String lengthReason = preferred == null ? "the configured length"
                : preferred == bars ? "as requested" : "a cut lasts at most 4 bars";
        // The first half (rounded up) echoes out; the cut follows it, at the very end for one bar.
        int echoBars = (bars + 1) / 2;
        int tailBars = bars - echoBars;
        int beatsPerBar = pair.out.beatsPerBar();
        int cutBeat = echoBars * beatsPerBar;

        Cue cut = Phrases.mixOut(pair.out, tailBars, phraseBars)
                .filter(c -> c.bar() >= echoBars)
                .orElseThrow(() -> new IllegalArgumentException("the outgoing track is too short to cut"));
        int outCueBar = cut.bar() - echoBars;
        double outCue = pair.out.downbeat(outCueBar);

        int slamBar = slamBar(pair.in, tailBars);
        long inCueBeat = (long) slamBar * pair.in.beatsPerBar() - cutBeat;
        double inCue = pair.in.beatTime(inCueBeat);
        double slam = pair.in.downbeat(slamBar);

        double fromBpm = pair.out.bpmAt(outCue);
        double toBpm = Tempos.end(pair.in, slam, request.targetBpm());
        TempoRamp tempo = new TempoRamp(fromBpm, toBpm, cutBeat, cutBeat, RampShape.LINEAR);

        var lanes = List.of(
                Lane.constant(Deck.OUTGOING, StandardEffects.ECHO, StandardEffects.ECHO_BEATS, echoBeats),
                Lane.of(Deck.OUTGOING, StandardEffects.ECHO, StandardEffects.ECHO_MIX)
                        .at(0, 0, RampShape.S_CURVE).at(cutBeat, 0.7).build(),
                Lane.of(Deck.OUTGOING, StandardEffects.ECHO, StandardEffects.ECHO_FEEDBACK)
                        .at(0, Math.min(0.35, feedback)).at(cutBeat, feedback).build(),
                // Thinning the bass keeps the repeats from booming.
                Lane.of(Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW).at(0, 0).at(cutBeat, -18).build(),
                Lane.volume(Deck.OUTGOING).hold(0, 1).at(cutBeat, 0).build(),
                Lane.volume(Deck.INCOMING).hold(0, 0).at(cutBeat, 1).build());

        String inCueWords = Math.floorMod(inCueBeat, pair.in.beatsPerBar()) == 0
                ? Words.cue((int) Math.floorDiv(inCueBeat, pair.in.beatsPerBar()), inCue) : Words.time(inCue);
        String slamReason = slamBar > 0 ? "where its intro ends" : "its first downbeat";
        String explanation = bars + "-bar cut with echo-out (" + lengthReason + "). The outgoing is cued at "
                + Words.cue(outCueBar, outCue) + " and echoes out for " + Words.bars(echoBars)
                + " (a " + Words.number(echoBeats) + "-beat echo, feedback rising to " + Words.number(feedback)
                + "); it is cut on "
                + Words.cue(cut.bar(), cut.seconds()) + ", " + cut.reason() + ". The incoming is cued at "
                + inCueWords + ", " + Words.bars(echoBars) + " ahead, so it slams in at full level on "
                + Words.cue(slamBar, slam) + ", " + slamReason + ", on the same beat. The decks barely overlap, so "
                + Tempos.stepWords(fromBpm, toBpm) + ".";
        return new TransitionPlan(ID, outCue, inCue, bars, beatsPerBar, true, tempo, 0, lanes, explanation);
    }

    /** The incoming's phrase to slam in on: the end of its intro when skipping it, else its first downbeat. */
    private int slamBar(TrackFacts in, int tailBars) {
        if (!skipIntro) {
            return 0;
        }
        return in.first(SegmentLabel.INTRO)
                .map(intro -> Phrases.floor(in.barNearest(intro.endSeconds()), phraseBars))
                .filter(bar -> bar > 0 && in.lastStartBar(tailBars) >= bar)
                .orElse(0);
    }
}
