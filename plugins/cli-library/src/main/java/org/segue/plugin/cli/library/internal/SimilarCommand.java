package org.segue.plugin.cli.library.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.analysis.Embedding;
import org.segue.api.analysis.StandardResults;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.library.ScoredTrack;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackQuery;

/**
 * {@code segue similar <file or id> [--limit N] [filters] [--json]}: the tracks whose embeddings
 * are nearest the given track's, most similar first, itself left out.
 */
@Component
@SegueCommand(name = "similar", summary = "Lists the library's tracks that sound most like a track")
public class SimilarCommand implements Command {

    static final String USAGE_TEXT = "usage: segue similar <file or track id> " + SearchOptions.OPTIONS;

    @Reference
    TrackLibrary library;

    @Override
    public int run(CommandContext ctx) throws Exception {
        SearchOptions options;
        try {
            options = SearchOptions.parse(ctx.arguments(), false);
            if (options.words().size() != 1) {
                throw new IllegalArgumentException("name one file or track id");
            }
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue similar: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        String target = options.words().get(0);
        TrackId id = resolve(ctx, target);
        Optional<Embedding> embedding = library.analysis(id).flatMap(a -> a.get(StandardResults.EMBEDDING));
        if (embedding.isEmpty()) {
            ctx.err().println("segue similar: " + (library.track(id).isEmpty()
                    ? target + " is not in the library; add it with segue import"
                    : target + " has no embedding; re-import it with an embedding analyzer installed"));
            return FAILURE;
        }
        TrackQuery q = options.query();
        List<ScoredTrack> nearest;
        try {
            nearest = library.nearest(embedding.get().vector(), Math.min(TrackQuery.MAX_LIMIT, q.limit() + 1), q);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue similar: " + e.getMessage());
            return FAILURE;
        }
        List<TrackTable.Row> rows = nearest.stream().filter(s -> !s.track().id().equals(id)).limit(q.limit())
                .map(s -> TrackTable.row(library, s.track(), s.similarity())).toList();
        if (options.json()) {
            ObjectMapper mapper = TrackTable.mapper();
            ctx.out().println(mapper.writeValueAsString(TrackTable.json(mapper, rows)));
        } else if (rows.isEmpty()) {
            ctx.out().println("no similar tracks found");
        } else {
            TrackTable.table(ctx.out(), rows, true);
        }
        return OK;
    }

    /** An existing file names its track (by path, as segue import does); anything else is an id. */
    static TrackId resolve(CommandContext ctx, String target) {
        Path file = ctx.workingDirectory().resolve(target);
        return Files.isRegularFile(file) ? LocalFiles.id(file) : new TrackId(target);
    }
}
