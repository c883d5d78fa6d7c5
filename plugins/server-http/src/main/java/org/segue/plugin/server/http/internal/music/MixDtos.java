package org.segue.plugin.server.http.internal.music;

import java.util.List;
import java.util.Locale;

import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.mix.EnergyArc;
import org.segue.api.mix.MixPlan;
import org.segue.api.style.TransitionPlan;
import org.segue.plugin.server.http.internal.music.TrackDtos.TrackDto;

/** The mix bodies of the REST API ({@code Plan}, {@code Mix}, requests and job results), see {@code API.md}. */
public final class MixDtos {

    private MixDtos() {
    }

    /**
     * {@code POST /api/mixes/plans}: tracks by id, or the whole library.
     *
     * @param tracks track ids in any order (the planner orders them), or {@code null} with {@code all}
     * @param all true for every mixable track of the library
     * @param style {@code auto} (or {@code null}) to choose per transition, else a style id
     * @param arc {@code rise}, {@code peak}, {@code wave} or {@code flat}; {@code null} for {@code peak}
     * @param minutes the longest the mix may be, {@code null} or 0 for no limit
     */
    public record PlanRequest(List<String> tracks, Boolean all, String style, String arc, Double minutes) {
    }

    /** {@code Plan}. Times are estimated from the plan; the rendered mix's tracklist has the exact ones. */
    public record PlanDto(String id, String createdAt, String style, String arc, List<TrackDto> tracks,
            List<TransitionDto> transitions, double durationSeconds) {
    }

    /**
     * One transition of a plan; {@code index} is 0 for the transition from the first track to the
     * second, and is the {@code n} of the preview path.
     */
    public record TransitionDto(int index, String fromTrackId, String toTrackId, String style, double startSeconds,
            double lengthSeconds, double score, String explanation) {
    }

    /** {@code Mix}. */
    public record MixDto(String id, String planId, String createdAt, double durationSeconds, double loudnessLufs,
            List<TracklistEntry> tracklist, MixFiles files) {
    }

    public record TracklistEntry(double startSeconds, String trackId, String title, String artist) {
    }

    /** The API paths of a mix's files. */
    public record MixFiles(String audio, String cue, String tracklist, String timeline) {
        static MixFiles of(String mixId) {
            String base = "/api/mixes/" + mixId + "/";
            return new MixFiles(base + "audio", base + "cue", base + "tracklist", base + "timeline.svg");
        }
    }

    /** The result of a preview job. */
    public record PreviewResult(String previewId, String audio, double durationSeconds) {
    }

    /** The result of a mix job. */
    public record MixJobResult(String mixId) {
    }

    /** The API's arc words and the planner's arcs. */
    static EnergyArc arc(String word) {
        String w = word == null ? "peak" : word.toLowerCase(Locale.ROOT);
        return switch (w) {
            case "rise" -> EnergyArc.RISING;
            case "peak" -> EnergyArc.WARM_UP_PEAK_COOL_DOWN;
            case "wave" -> EnergyArc.WAVE;
            case "flat" -> EnergyArc.STEADY;
            default -> throw new BadInputException("arc", "arc must be rise, peak, wave or flat: " + word);
        };
    }

    /**
     * Where each transition starts and how long the mix is, estimated as the engine places them:
     * between transitions a track plays at its own speed; a transition lasts its beats at the
     * master tempo ramp, after which the incoming track has moved on by the same number of its own
     * beats. (Tempo drift inside a track is ignored; the render's tracklist is exact.)
     *
     * @return the start of each transition, then the mix's length as the last element
     */
    static double[] estimateTimes(MixPlan plan) {
        int n = plan.transitions().size();
        double[] out = new double[n + 1];
        double master = 0;
        double position = 0;
        for (int k = 0; k < n; k++) {
            TransitionPlan p = plan.transitions().get(k);
            double start = Math.max(master, master + p.outgoingCueSeconds() - position);
            double incomingBpm = plan.order().tracks().get(k + 1).analysis().get(StandardResults.TEMPO).map(Tempo::bpm)
                    .orElse(p.tempoRamp().bpmAt(p.lengthBeats()));
            out[k] = start;
            master = start + lengthSeconds(p);
            position = p.incomingCueSeconds() + p.lengthBeats() * 60 / incomingBpm;
        }
        double lastDuration = plan.order().tracks().isEmpty() ? 0
                : plan.order().tracks().get(n).analysis().durationSeconds();
        out[n] = master + Math.max(0, lastDuration - position);
        return out;
    }

    /** The length of a transition on the master clock: its beats at the ramp's tempo. */
    static double lengthSeconds(TransitionPlan p) {
        int steps = p.lengthBeats() * 16;
        double seconds = 0;
        for (int s = 0; s < steps; s++) {
            seconds += 60 / p.tempoRamp().bpmAt((s + 0.5) / 16) / 16;
        }
        return seconds;
    }
}
