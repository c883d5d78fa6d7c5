package org.segue.plugin.cli.recommend.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.play.EventLog;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;
import org.segue.api.recommend.Recommender;
import org.segue.plugin.recommend.core.internal.UserLibraries;

/**
 * {@code segue feedback <file or id> like|dislike|skip|play [--user U]}: tells every installed
 * recommender (those that learn keep it; the preference model persists it per user). A skip from the
 * command line has played 0 % of the track, a play 100 %.
 */
@Component
@SegueCommand(name = "feedback", summary = "Tells the recommenders you liked, disliked, skipped or played a track")
public class FeedbackCommand implements Command {
    static final String USAGE_TEXT = "usage: segue feedback <file or track id> like|dislike|skip|play [--user U]";

    /** The request's user's library when one is registered, else the default one (as the recommenders do). */
    final UserLibraries libraries = new UserLibraries();

    final RecommenderRegistry recommenders = new RecommenderRegistry();
    Clock clock = Clock.systemUTC();

    /** Where plays and likes are told to badges and challenges; optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog events;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addLibrary(TrackLibrary library, Map<String, Object> properties) {
        libraries.addLibrary(library, properties);
    }

    void removeLibrary(TrackLibrary library, Map<String, Object> properties) {
        libraries.removeLibrary(library, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRecommender(Recommender r, Map<String, Object> properties) {
        recommenders.add(r, properties);
    }

    void removeRecommender(Recommender r, Map<String, Object> properties) {
        recommenders.remove(r, properties);
    }

    @Override
    public int run(CommandContext ctx) {
        String target = null;
        FeedbackKind kind = null;
        String user = RecommendOptions.DEFAULT_USER;
        try {
            for (int i = 0; i < ctx.arguments().size(); i++) {
                String a = ctx.arguments().get(i);
                if (a.equals("--user")) {
                    user = RecommendOptions.value(ctx.arguments(), ++i, a);
                } else if (a.startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + a);
                } else if (target == null) {
                    target = a;
                } else if (kind == null) {
                    kind = kind(a);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + a);
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("name a track and like, dislike, skip or play");
            }
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue feedback: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        TrackId id = Tracks.resolve(ctx, target);
        TrackLibrary library = libraries.forUser(user);
        if (library.track(id).isEmpty()) {
            ctx.err().println("segue feedback: " + target + " is not in the library; add it with segue import");
            return FAILURE;
        }
        Feedback feedback = new Feedback(user, id, kind, kind == FeedbackKind.SKIP ? 0 : 1, clock.instant());
        int failed = 0;
        for (Map.Entry<String, Recommender> r : recommenders.all().entrySet()) {
            try {
                r.getValue().learn(feedback);
            } catch (RuntimeException e) {
                failed++;
                ctx.err().println("segue feedback: " + r.getKey() + " could not learn it: " + e.getMessage());
            }
        }
        record(ctx, user, id, kind, library, feedback.time());
        ctx.out().println(kind.name().toLowerCase(Locale.ROOT) + " of " + library.track(id).map(Tracks::label)
                .orElseThrow() + " recorded for " + user + " (" + (recommenders.all().size() - failed)
                + " recommenders told)");
        return failed == 0 ? OK : FAILURE;
    }

    /** Plays and likes become events for badges and challenges (crate digger, curator …). */
    private void record(CommandContext ctx, String user, TrackId id, FeedbackKind kind, TrackLibrary library,
            java.time.Instant time) {
        EventLog log = events;
        String type = kind == FeedbackKind.PLAY ? UserEventTypes.TRACK_PLAYED
                : kind == FeedbackKind.LIKE ? UserEventTypes.TRACK_LIKED : null;
        if (log == null || type == null) {
            return;
        }
        Map<String, String> a = new java.util.HashMap<>();
        a.put(UserEventTypes.TRACK, id.value());
        library.track(id).map(t -> t.tags().genre()).filter(g -> g != null && !g.isBlank())
                .ifPresent(g -> a.put(UserEventTypes.GENRE, g));
        library.analysis(id).ifPresent(r -> {
            r.get(org.segue.api.analysis.StandardResults.TEMPO)
                    .ifPresent(t -> a.put(UserEventTypes.BPM, String.format(Locale.ROOT, "%.2f", t.bpm())));
            r.get(org.segue.api.analysis.StandardResults.KEY).ifPresent(k -> a.put(UserEventTypes.KEY, k.key().camelot()));
        });
        try {
            log.record(new UserEvent(user, type, time, a));
        } catch (RuntimeException e) {
            ctx.err().println("warning: not recorded for badges and challenges: " + e.getMessage());
        }
    }

    private static FeedbackKind kind(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "like" -> FeedbackKind.LIKE;
            case "dislike" -> FeedbackKind.DISLIKE;
            case "skip" -> FeedbackKind.SKIP;
            case "play" -> FeedbackKind.PLAY;
            default -> throw new IllegalArgumentException("not like, dislike, skip or play: " + word);
        };
    }
}
