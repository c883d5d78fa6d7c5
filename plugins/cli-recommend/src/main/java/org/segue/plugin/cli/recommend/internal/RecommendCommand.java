package org.segue.plugin.cli.recommend.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.recommend.Recommendation;
import org.segue.api.recommend.RecommendationRequest;
import org.segue.api.recommend.Recommender;
import org.segue.plugin.recommend.core.internal.UserLibraries;

/**
 * {@code segue recommend <file or id> [--user U] [--context …] [--limit N] [--why] [--strategy S]}:
 * asks the installed recommender of the strategy (by its id, e.g. {@code segue.recommender.hybrid/1})
 * for tracks to follow the given one, and prints them with their scores and, with {@code --why},
 * their explanations.
 */
@Component
@SegueCommand(name = "recommend", summary = "Recommends tracks to follow a track")
public class RecommendCommand implements Command {

    /** The request's user's library when one is registered, else the default one (as the recommenders do). */
    final UserLibraries libraries = new UserLibraries();

    final RecommenderRegistry recommenders = new RecommenderRegistry();

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
        RecommendOptions o;
        try {
            o = RecommendOptions.parse(ctx.arguments());
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue recommend: " + e.getMessage() + "\n" + RecommendOptions.USAGE);
            return USAGE;
        }
        Recommender recommender = recommenders.all().get(o.strategy());
        if (recommender == null) {
            ctx.err().println("segue recommend: no '" + o.strategy() + "' recommender installed (installed: "
                    + String.join(", ", recommenders.all().keySet()) + ")");
            return FAILURE;
        }
        TrackId id = Tracks.resolve(ctx, o.target());
        TrackLibrary library = libraries.forUser(o.user());
        if (library.track(id).isEmpty()) {
            ctx.err().println("segue recommend: " + o.target() + " is not in the library; add it with segue import");
            return FAILURE;
        }
        List<Recommendation> recs = recommender.recommend(
                new RecommendationRequest(o.user(), List.of(id), o.context(), o.limit(), Set.of(id)));
        ctx.out().println(o.strategy() + " recommendations after " + library.track(id).map(Tracks::label).orElseThrow()
                + " for " + o.user() + ":");
        if (recs.isEmpty()) {
            ctx.out().println("  nothing fits");
        }
        int n = 1;
        for (Recommendation r : recs) {
            String label = library.track(r.track()).map(Tracks::label).orElse(r.track().value());
            ctx.out().printf(Locale.ROOT, "%3d. %.2f  %s%n", n++, r.score(), label);
            if (o.why()) {
                ctx.out().println("          " + r.explanation());
            }
        }
        return OK;
    }
}
