package org.segue.plugin.recommend.core.internal;

import java.time.LocalTime;
import java.util.Locale;

import org.segue.api.library.Range;
import org.segue.api.recommend.Activity;
import org.segue.api.recommend.ListeningContext;

/**
 * The target ranges a listening context asks for: mean energy ({@code 0..1}), tempo (bpm; half
 * and double time count), valence and arousal ({@code -1..1}). {@code null} means "no preference".
 *
 * <p>The table (documented in the README):
 * <pre>
 * activity   energy     bpm       valence     arousal
 * WORKOUT    0.70-1.00  125-150   0.00-1.00   0.40-1.00
 * PARTY      0.65-1.00  118-130   0.30-1.00   0.30-1.00
 * COMMUTE    0.40-0.70   95-125   0.00-0.80  -0.20-0.50
 * FOCUS      0.20-0.50   70-110  -0.20-0.60  -0.50-0.20
 * DINNER     0.20-0.50   80-115   0.20-0.90  -0.50-0.20
 * WIND_DOWN  0.00-0.35   60-100  -0.20-0.80  -1.00--0.20
 * </pre>
 * With {@link Activity#ANY} the time of day sets the energy: morning (06-11) 0.40-0.70, day
 * (11-17) 0.45-0.80, evening (17-22) 0.30-0.70, night (22-06) 0.00-0.40. With an activity too, the
 * activity's energy range moves a quarter of the way towards the time of day's. A mood word
 * replaces valence and arousal: happy/uplifting, sad/melancholic, calm/chill/relaxed,
 * energetic/intense, dark/angry/aggressive, romantic.
 */
record ContextTargets(String name, Range energy, Range bpm, Range valence, Range arousal) {

    static ContextTargets of(ListeningContext context) {
        ContextTargets t = forActivity(context.activity());
        if (context.timeOfDay() != null) {
            Range daily = forTime(context.timeOfDay());
            String when = timeName(context.timeOfDay());
            if (t.energy() == null) {
                t = new ContextTargets(when, daily, t.bpm(), t.valence(), t.arousal());
            } else {
                Range e = t.energy();
                double shift = 0.25 * ((daily.min() + daily.max()) / 2 - (e.min() + e.max()) / 2);
                t = new ContextTargets(t.name() + " in the " + when,
                        new Range(Math.max(0, e.min() + shift), Math.min(1, e.max() + shift)), t.bpm(), t.valence(),
                        t.arousal());
            }
        }
        if (context.mood() != null && !context.mood().isBlank()) {
            Range[] va = forMood(context.mood().strip().toLowerCase(Locale.ROOT));
            if (va != null) {
                t = new ContextTargets(t.name() + ", " + context.mood().strip(), t.energy(), t.bpm(), va[0], va[1]);
            }
        }
        return t;
    }

    static ContextTargets forActivity(Activity a) {
        return switch (a) {
            case WORKOUT -> new ContextTargets("workout", r(0.70, 1), r(125, 150), r(0, 1), r(0.4, 1));
            case PARTY -> new ContextTargets("party", r(0.65, 1), r(118, 130), r(0.3, 1), r(0.3, 1));
            case COMMUTE -> new ContextTargets("commute", r(0.4, 0.7), r(95, 125), r(0, 0.8), r(-0.2, 0.5));
            case FOCUS -> new ContextTargets("focus", r(0.2, 0.5), r(70, 110), r(-0.2, 0.6), r(-0.5, 0.2));
            case DINNER -> new ContextTargets("dinner", r(0.2, 0.5), r(80, 115), r(0.2, 0.9), r(-0.5, 0.2));
            case WIND_DOWN -> new ContextTargets("wind-down", r(0, 0.35), r(60, 100), r(-0.2, 0.8), r(-1, -0.2));
            case ANY -> new ContextTargets("any", null, null, null, null);
        };
    }

    static Range forTime(LocalTime time) {
        int h = time.getHour();
        return h >= 6 && h < 11 ? r(0.4, 0.7) : h >= 11 && h < 17 ? r(0.45, 0.8) : h >= 17 && h < 22 ? r(0.3, 0.7)
                : r(0, 0.4);
    }

    static String timeName(LocalTime time) {
        int h = time.getHour();
        return h >= 6 && h < 11 ? "morning" : h >= 11 && h < 17 ? "day" : h >= 17 && h < 22 ? "evening" : "night";
    }

    /** Valence and arousal ranges of a mood word, or {@code null} for a word not in the table. */
    static Range[] forMood(String mood) {
        return switch (mood) {
            case "happy", "uplifting", "joyful", "cheerful" -> new Range[] {r(0.4, 1), r(0, 1)};
            case "sad", "melancholic", "melancholy" -> new Range[] {r(-1, -0.2), r(-1, 0.3)};
            case "calm", "chill", "relaxed", "peaceful" -> new Range[] {r(-0.2, 1), r(-1, -0.2)};
            case "energetic", "intense", "hype" -> new Range[] {r(-0.2, 1), r(0.4, 1)};
            case "dark", "angry", "aggressive" -> new Range[] {r(-1, -0.1), r(0.3, 1)};
            case "romantic" -> new Range[] {r(0.2, 1), r(-0.6, 0.2)};
            default -> null;
        };
    }

    private static Range r(double min, double max) {
        return new Range(min, max);
    }
}
