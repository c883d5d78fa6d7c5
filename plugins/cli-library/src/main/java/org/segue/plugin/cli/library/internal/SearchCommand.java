package org.segue.plugin.cli.library.internal;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.library.SearchResult;
import org.segue.api.library.TrackLibrary;

/**
 * {@code segue search "<query>" [--bpm 120-128] [--key 8A] [--genre house] [--limit N] [--json] …}:
 * full text over the tags with filters; a table (title, artist, bpm, key, energy, file) and facet
 * counts, or JSON.
 */
@Component
@SegueCommand(name = "search", summary = "Searches the library: text, bpm, key, genre and energy")
public class SearchCommand implements Command {

    static final String USAGE_TEXT = "usage: segue search [\"<query>\"] " + SearchOptions.OPTIONS;

    @Reference
    TrackLibrary library;

    @Override
    public int run(CommandContext ctx) throws Exception {
        SearchOptions options;
        try {
            options = SearchOptions.parse(ctx.arguments(), true);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue search: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        SearchResult result;
        try {
            result = library.search(options.query());
        } catch (IllegalArgumentException badQuery) {
            ctx.err().println("segue search: " + badQuery.getMessage());
            return USAGE;
        }
        List<TrackTable.Row> rows = result.tracks().stream().map(t -> TrackTable.row(library, t, null)).toList();
        if (options.json()) {
            ObjectMapper mapper = TrackTable.mapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("totalHits", result.totalHits());
            root.put("offset", options.query().offset());
            root.set("tracks", TrackTable.json(mapper, rows));
            root.set("facets", mapper.valueToTree(result.facets()));
            ctx.out().println(mapper.writeValueAsString(root));
            return OK;
        }
        if (rows.isEmpty()) {
            ctx.out().println("no tracks found (" + result.totalHits() + " matching)");
            return OK;
        }
        TrackTable.table(ctx.out(), rows, false);
        int first = options.query().offset() + 1;
        ctx.out().printf("%ntracks %d-%d of %d%n", first, first + rows.size() - 1, result.totalHits());
        TrackTable.facets(ctx.out(), result.facets(), 5);
        return OK;
    }
}
