package org.segue.plugin.style.classic.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
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
 * The radio (or ambient) crossfade: no beat matching, each deck at its own tempo, an equal-power
 * fade of a few seconds from a quiet point late in the outgoing into the start of the incoming,
 * optionally with a reverb tail washing the outgoing away. The fallback for every pair the
 * beat-matched styles cannot join: no grid, meters that differ, tempi too far apart even at half
 * or double time, ballads.
 *
 * <p>The plan's beats only time the automation, on a constant clock at the set's target tempo;
 * the length in bars is the configured fade time rounded to whole bars of that clock.
 */
@Component(service = DjStyle.class, configurationPid = RadioCrossfade.PID)
@Designate(ocd = RadioCrossfade.Config.class)
@SegueStyle(id = RadioCrossfade.ID, name = "Radio crossfade")
public class RadioCrossfade implements DjStyle {

    static final String ID = "segue.style.radio-crossfade/1";
    static final String PID = "org.segue.style.radiocrossfade";
    /** Straight segments approximating the sine/cosine fade curves; the power stays within 1 % of 1. */
    static final int FADE_SEGMENTS = 8;
    /** What every pair scores: the fade always works, if never exciting. */
    static final double FALLBACK = 0.15;

    @ObjectClassDefinition(name = "Segue radio crossfade",
            description = "Equal-power crossfade without beat matching, for pairs that cannot be matched")
    public @interface Config {
        @AttributeDefinition(description = "Fade length in seconds when the request leaves it open "
                + "(rounded to whole bars of the clock)", min = "2", max = "30")
        double fadeSeconds() default 8;

        @AttributeDefinition(description = "Bars in a phrase; with a beat grid the fade prefers to start on one",
                min = "1", max = "32")
        int phraseBars() default 8;

        @AttributeDefinition(description = "Wash the outgoing away with a reverb tail")
        boolean reverbTail() default true;

        @AttributeDefinition(description = "Reverb wet share reached at the end of the fade (0..1)", min = "0", max = "1")
        double reverbMix() default 0.35;
    }

    private final double fadeSeconds;
    private final int phraseBars;
    private final boolean reverbTail;
    private final double reverbMix;

    @Activate
    public RadioCrossfade(Config config) {
        this.fadeSeconds = Math.max(2, Math.min(30, config.fadeSeconds()));
        this.phraseBars = Math.max(1, Math.min(32, config.phraseBars()));
        this.reverbTail = config.reverbTail();
        this.reverbMix = Math.max(0, Math.min(1, config.reverbMix()));
    }

    /**
     * Always at least {@link #FALLBACK}; 0.9 when a grid is missing, 0.85 when the meters differ or
     * the tempi are too far apart even at half/double time, 0.5 when they only match at half/double
     * time, at least 0.7 out of a ballad.
     */
    @Override
    public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
        PairFacts pair = PairFacts.of(outgoing, incoming);
        double score = FALLBACK;
        if (!pair.bothGridded()) {
            score = 0.9;
        } else if (!pair.sameMeter() || pair.tempoDeviationHalfDouble() > PairFacts.STRETCH_LIMIT) {
            score = 0.85;
        } else if (pair.tempoDeviation() > PairFacts.STRETCH_LIMIT) {
            score = 0.5;
        }
        if (isBallad(pair.out)) {
            score = Math.max(score, 0.7);
        }
        return PairFacts.clamp(score);
    }

    /** Slow and not energetic (under 80 bpm, mean energy under 0.5 or unknown), or very quiet throughout. */
    static boolean isBallad(TrackFacts track) {
        double energy = track.meanEnergy();
        boolean slow = track.bpm() < 80;
        return slow && !(energy >= 0.5) || energy < 0.25;
    }

    @Override
    public TransitionPlan plan(TransitionRequest request) {
        PairFacts pair = PairFacts.of(request.outgoing(), request.incoming());
        double clockBpm = request.targetBpm();
        int beatsPerBar = pair.in.hasGrid() ? pair.in.beatsPerBar() : pair.out.beatsPerBar();
        double wanted = request.preferredLengthBars() != null
                ? request.preferredLengthBars() * beatsPerBar * 60 / clockBpm : fadeSeconds;
        double secondsPerBar = beatsPerBar * 60 / clockBpm;
        int bars = Math.max(1, (int) Math.round(wanted / secondsPerBar));
        Cue in = QuietPoints.mixIn(pair.in);
        // The fade must fit in the outgoing and in what the incoming has after its cue.
        double room = Math.min(pair.out.duration(), pair.in.duration() - in.seconds());
        int fitting = (int) Math.floor(room / secondsPerBar);
        if (fitting < 1) {
            throw new IllegalArgumentException("a track is shorter than one bar of the clock");
        }
        String lengthReason = request.preferredLengthBars() != null ? "as requested"
                : "about " + Words.seconds(fadeSeconds) + " in whole bars of the clock";
        if (fitting < bars) {
            bars = fitting;
            lengthReason = "shortened to fit the tracks";
        }
        double fade = bars * secondsPerBar;
        Cue out = QuietPoints.mixOut(pair.out, fade, phraseBars);

        double beats = bars * beatsPerBar;
        List<AutomationLane> lanes = new ArrayList<>(equalPower(beats));
        if (reverbTail) {
            lanes.add(Lane.constant(Deck.OUTGOING, StandardEffects.REVERB, StandardEffects.REVERB_SIZE, 0.8));
            lanes.add(Lane.constant(Deck.OUTGOING, StandardEffects.REVERB, StandardEffects.REVERB_DAMPING, 0.5));
            lanes.add(Lane.of(Deck.OUTGOING, StandardEffects.REVERB, StandardEffects.REVERB_MIX)
                    .at(0, 0, RampShape.S_CURVE).at(beats, reverbMix).build());
        }
        String why = whyUnmatched(pair);
        String explanation = Words.seconds(fade) + " (" + bars + "-bar, " + lengthReason
                + ") equal-power crossfade without beat matching"
                + (why.isEmpty() ? "" : " because " + why) + ". The outgoing is cued at " + out.words()
                + "; the incoming at " + in.words() + ". Each track keeps its own tempo; the fade is timed on a "
                + Words.bpm(clockBpm) + " clock" + (reverbTail ? ", and a reverb tail washes the outgoing away" : "")
                + ".";
        return new TransitionPlan(ID, out.seconds(), in.seconds(), bars, beatsPerBar, false,
                TempoRamp.constant(clockBpm), 0, lanes, explanation);
    }

    /** Outgoing cos, incoming sin: the summed power of two uncorrelated tracks stays constant. */
    static List<AutomationLane> equalPower(double beats) {
        Lane out = Lane.volume(Deck.OUTGOING);
        Lane in = Lane.volume(Deck.INCOMING);
        for (int i = 0; i <= FADE_SEGMENTS; i++) {
            double fraction = (double) i / FADE_SEGMENTS;
            double angle = fraction * Math.PI / 2;
            // Exact ends: the outgoing reaches silence and the incoming full level.
            out.at(beats * fraction, i == FADE_SEGMENTS ? 0 : Math.cos(angle));
            in.at(beats * fraction, i == FADE_SEGMENTS ? 1 : Math.sin(angle));
        }
        return List.of(out.build(), in.build());
    }

    private static String whyUnmatched(PairFacts pair) {
        if (!pair.out.hasGrid() || !pair.in.hasGrid()) {
            return (pair.out.hasGrid() ? "the incoming" : "the outgoing") + " track has no usable beat grid";
        }
        if (!pair.sameMeter()) {
            return "the meters differ (" + pair.out.beatsPerBar() + "/4 into " + pair.in.beatsPerBar() + "/4)";
        }
        String tempi = Words.bpm(pair.out.bpm()) + " and " + Words.bpm(pair.in.bpm());
        if (pair.tempoDeviationHalfDouble() > PairFacts.STRETCH_LIMIT) {
            return "the tempi " + tempi + " are too far apart, even at half or double time";
        }
        if (pair.tempoDeviation() > PairFacts.STRETCH_LIMIT) {
            return "the tempi " + tempi + " only meet at half or double time";
        }
        return isBallad(pair.out) ? "the outgoing is a slow, quiet song" : "";
    }
}
