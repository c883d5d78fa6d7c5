package org.segue.plugin.cli.mix.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.segue.api.analysis.StandardResults;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.SetTrack;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * The {@link UserEventTypes#MIX_CREATED} event of a rendered mix, with what badges and challenges
 * judge a set by: its tempi, keys, genres and energies in set order, and its length.
 */
final class MixEvents {
    private MixEvents() {
    }

    static UserEvent created(String user, MixPlan plan, MixResult result, Instant now) {
        List<SetTrack> tracks = plan.order().tracks();
        Map<String, String> a = new HashMap<>();
        a.put(UserEventTypes.MIX, result.audio().getFileName().toString());
        a.put(UserEventTypes.TRACK_COUNT, Integer.toString(tracks.size()));
        a.put(UserEventTypes.DURATION, String.format(Locale.ROOT, "%.1f", result.durationSeconds()));
        a.put(UserEventTypes.BPMS, join(tracks, t -> t.analysis().get(StandardResults.TEMPO)
                .map(v -> String.format(Locale.ROOT, "%.2f", v.bpm())).orElse("")));
        a.put(UserEventTypes.KEYS, join(tracks, t -> t.analysis().get(StandardResults.KEY)
                .map(k -> k.key().camelot()).orElse("")));
        a.put(UserEventTypes.GENRES, join(tracks, t -> t.tags().genre() == null ? ""
                : t.tags().genre().replace(',', ' ').trim()));
        a.put(UserEventTypes.ENERGIES, join(tracks, t -> t.analysis().get(StandardResults.ENERGY)
                .map(c -> String.format(Locale.ROOT, "%.3f", mean(c.values()))).orElse("")));
        a.put(UserEventTypes.STYLE, plan.transitions().stream().map(p -> p.styleId()).distinct()
                .collect(Collectors.joining(" ")));
        return new UserEvent(user, UserEventTypes.MIX_CREATED, now, a);
    }

    private static String join(List<SetTrack> tracks, java.util.function.Function<SetTrack, String> value) {
        return tracks.stream().map(value).collect(Collectors.joining(","));
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : Math.min(1, Math.max(0, sum / values.length));
    }
}
