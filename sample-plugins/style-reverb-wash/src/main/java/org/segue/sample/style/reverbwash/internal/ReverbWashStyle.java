package org.segue.sample.style.reverbwash.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.BeatGrid;
import org.segue.api.analysis.StandardResults;
import org.segue.api.effect.StandardEffects;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.AutomationPoint;
import org.segue.api.style.Deck;
import org.segue.api.style.DjStyle;
import org.segue.api.style.RampShape;
import org.segue.api.style.SegueStyle;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;

/**
 * The reverb wash: over the first half of the transition the outgoing track sinks into a big reverb
 * while its bass is taken out; on the downbeat halfway through the incoming track drops in at full
 * volume, and the washed-out outgoing fades away under it over the second half.
 *
 * <pre>
 *   beat:          0 ........................ half ......................... end
 *   outgoing:      dry, full bass ──► wet, no bass │ fader 1 ─────────────────► 0
 *   incoming:      silent                          │ in, full volume ────────────
 * </pre>
 *
 * <p>This class is the service Segue finds: {@code @Component} registers it, {@code @SegueStyle} sets
 * the id and name users pick it by ({@code segue mix --style sample.style.reverbwash/1}), and
 * {@code @Designate} makes its {@link Config} settable from {@code conf/sample.style.reverbwash.cfg}.
 * A style only reads the analyses it is given and returns plain data; Segue's engine plays the plan
 * with the standard reverb, EQ and faders, so the style itself makes no sound and needs no state.
 */
@Component(service = DjStyle.class, configurationPid = ReverbWashStyle.PID)
@Designate(ocd = ReverbWashStyle.Config.class)
@SegueStyle(id = ReverbWashStyle.ID, name = "Reverb wash")
public class ReverbWashStyle implements DjStyle {

    /** The id with its revision; stored in saved mix plans, so it never changes. */
    public static final String ID = "sample.style.reverbwash/1";
    /** Where the configuration comes from: {@code conf/sample.style.reverbwash.cfg}. */
    public static final String PID = "sample.style.reverbwash";

    /** The settings, with the descriptions a configuration UI shows. */
    @ObjectClassDefinition(name = "Reverb wash (sample DJ style)",
            description = "Washes the outgoing track out in reverb while the incoming one drops in")
    public @interface Config {
        @AttributeDefinition(description = "Length in bars when the user has no preference (2..32)", min = "2", max = "32")
        int lengthBars() default 8;

        @AttributeDefinition(description = "The largest tempo difference, in percent, the style takes on (1..20)",
                min = "1", max = "20")
        double maxTempoDifferencePercent() default 6;

        @AttributeDefinition(description = "How much reverb the outgoing track ends in (0.1..1)", min = "0.1", max = "1")
        double wetness() default 0.7;
    }

    static final int MIN_BARS = 2;
    static final int MAX_BARS = 32;
    /** The reverb's room size: large, so the wash rings on under the incoming track. */
    static final double ROOM_SIZE = 0.9;
    /** Suitability at equal tempi: below Segue's own all-rounders, so installing the sample does not
     * take over automatic mixes; it wins whenever a user asks for it by id. */
    static final double BEST_SUITABILITY = 0.5;

    private final int lengthBars;
    private final double maxTempoDifference;
    private final double wetness;

    /**
     * Called by Declarative Services with the configuration (defaults when {@code conf/} has none).
     *
     * @throws IllegalArgumentException naming the setting when a value is out of range; Segue then
     *         reports the component as failed with this message
     */
    @Activate
    public ReverbWashStyle(Config config) {
        this(config.lengthBars(), config.maxTempoDifferencePercent(), config.wetness());
    }

    /** The same, with plain values: what the tests use. */
    ReverbWashStyle(int lengthBars, double maxTempoDifferencePercent, double wetness) {
        if (lengthBars < MIN_BARS || lengthBars > MAX_BARS) {
            throw new IllegalArgumentException(PID + ": lengthBars must be " + MIN_BARS + ".." + MAX_BARS + ": " + lengthBars);
        }
        if (!(maxTempoDifferencePercent >= 1 && maxTempoDifferencePercent <= 20)) {
            throw new IllegalArgumentException(PID + ": maxTempoDifferencePercent must be 1..20: " + maxTempoDifferencePercent);
        }
        if (!(wetness >= 0.1 && wetness <= 1)) {
            throw new IllegalArgumentException(PID + ": wetness must be 0.1..1: " + wetness);
        }
        this.lengthBars = lengthBars;
        this.maxTempoDifference = maxTempoDifferencePercent / 100;
        this.wetness = wetness;
    }

    /**
     * {@link #BEST_SUITABILITY} for two beat-gridded tracks of the same meter at the same tempo,
     * falling to 0 at the configured tempo difference; 0 without beat grids or when either track is
     * too short for the default length.
     */
    @Override
    public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
        Optional<BeatGrid> out = outgoing.get(StandardResults.BEAT_GRID);
        Optional<BeatGrid> in = incoming.get(StandardResults.BEAT_GRID);
        if (out.isEmpty() || in.isEmpty() || out.get().beatsPerBar() != in.get().beatsPerBar()
                || outgoingCue(out.get(), lengthBars) < 0 || !fits(in.get(), lengthBars)) {
            return 0;
        }
        double difference = Math.abs(in.get().tempoAt(0) / out.get().tempoAt(0) - 1);
        return Math.max(0, BEST_SUITABILITY * (1 - difference / maxTempoDifference));
    }

    @Override
    public TransitionPlan plan(TransitionRequest request) {
        BeatGrid out = request.outgoing().get(StandardResults.BEAT_GRID)
                .orElseThrow(() -> new IllegalArgumentException("the outgoing track has no beat grid"));
        BeatGrid in = request.incoming().get(StandardResults.BEAT_GRID)
                .orElseThrow(() -> new IllegalArgumentException("the incoming track has no beat grid"));
        if (out.beatsPerBar() != in.beatsPerBar()) {
            throw new IllegalArgumentException("the tracks have different meters: " + out.beatsPerBar() + " and "
                    + in.beatsPerBar() + " beats per bar");
        }
        String note = "";
        int bars = lengthBars;
        if (request.preferredLengthBars() != null) {
            bars = Math.max(MIN_BARS, Math.min(MAX_BARS, request.preferredLengthBars()));
            if (bars != request.preferredLengthBars()) {
                note = " (" + request.preferredLengthBars() + " bars asked for; a wash takes " + MIN_BARS + " to "
                        + MAX_BARS + ")";
            }
        }
        int beatsPerBar = out.beatsPerBar();
        int length = bars * beatsPerBar;
        int half = (bars / 2) * beatsPerBar;
        int outCue = outgoingCue(out, bars);
        if (outCue < 0) {
            throw new IllegalArgumentException("the outgoing track is shorter than " + bars + " bars after its first downbeat");
        }
        if (!fits(in, bars)) {
            throw new IllegalArgumentException("the incoming track is shorter than " + bars + " bars after its first downbeat");
        }
        double outCueSeconds = out.beat(outCue);
        double inCueSeconds = in.beat(in.firstDownbeat());

        List<AutomationLane> lanes = new ArrayList<>();
        // Outgoing: reverb in and bass out over the first half, then the fader closes under the incoming.
        lanes.add(lane(Deck.OUTGOING, StandardEffects.REVERB, StandardEffects.REVERB_SIZE,
                point(0, ROOM_SIZE, RampShape.HOLD)));
        lanes.add(lane(Deck.OUTGOING, StandardEffects.REVERB, StandardEffects.REVERB_MIX,
                point(0, 0, RampShape.S_CURVE), point(half, wetness, RampShape.LINEAR)));
        lanes.add(lane(Deck.OUTGOING, StandardEffects.EQ3, StandardEffects.EQ3_LOW,
                point(0, 0, RampShape.S_CURVE), point(half, -26, RampShape.LINEAR)));
        lanes.add(lane(Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME,
                point(0, 1, RampShape.LINEAR), point(half, 1, RampShape.S_CURVE), point(length, 0, RampShape.LINEAR)));
        // Incoming: silent, then in at once on the downbeat halfway (HOLD keeps 0 until that point).
        lanes.add(lane(Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME,
                point(0, 0, RampShape.HOLD), point(half, 1, RampShape.LINEAR)));

        // Both decks follow the master tempo, which moves to the set's target while the wash builds.
        TempoRamp tempo = new TempoRamp(out.tempoAt(outCueSeconds), request.targetBpm(), 0, half, RampShape.LINEAR);
        String explanation = String.format(Locale.ROOT,
                "%d-bar reverb wash%s: from %s the outgoing track sinks into reverb and loses its bass; the incoming"
                        + " track drops in on bar %d, at %s of it, and the wash fades out under it.",
                bars, note, time(outCueSeconds), bars / 2 + 1, time(in.beat(in.firstDownbeat() + half)));
        return new TransitionPlan(ID, outCueSeconds, inCueSeconds, bars, beatsPerBar, true, tempo, 0, lanes, explanation);
    }

    /**
     * The index of the last downbeat of the outgoing track that still has {@code bars} whole bars of
     * beats after it, so the transition ends on the track's last full bar; -1 when there is none.
     */
    static int outgoingCue(BeatGrid grid, int bars) {
        int length = bars * grid.beatsPerBar();
        int last = grid.beatCount() - 1 - length;
        if (last < grid.firstDownbeat()) {
            return -1;
        }
        return last - Math.floorMod(last - grid.firstDownbeat(), grid.beatsPerBar());
    }

    /** Whether the incoming track has {@code bars} whole bars of beats from its first downbeat. */
    static boolean fits(BeatGrid grid, int bars) {
        return grid.beatCount() > 0 && grid.firstDownbeat() + bars * grid.beatsPerBar() <= grid.beatCount() - 1;
    }

    private static AutomationLane lane(Deck deck, String effect, String parameter, AutomationPoint... points) {
        return new AutomationLane(deck, effect, parameter, List.of(points));
    }

    private static AutomationPoint point(double beat, double value, RampShape shape) {
        return new AutomationPoint(beat, value, shape);
    }

    private static String time(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
