package org.segue.plugin.cli.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.segue.api.command.Command;
import org.segue.api.library.Range;
import org.segue.api.testkit.CapturedCommandContext;

class SearchCommandTest {

    private final MemoryLibrary library = new MemoryLibrary();
    private final SearchCommand command = new SearchCommand();

    @BeforeEach
    void fill() {
        command.library = library;
        Fixtures.add(library, "a", "Daft Punk", "One More Time", 122.96, "4A", 0.8f, null);
        Fixtures.add(library, "b", "A Very Long Artist Name That Does Not Fit", "Around the World", 121, "9A", 0.6f, null);
    }

    @Test
    void printsATableWithCountsAndFacets() throws Exception {
        CapturedCommandContext ctx = new CapturedCommandContext(Path.of("/"), "daft", "--bpm", "120-128", "--key", "4A", "--limit", "5");
        assertEquals(Command.OK, command.run(ctx));
        assertEquals("daft", library.lastQuery.text());
        assertEquals(new Range(120, 128), library.lastQuery.bpm());
        assertEquals(Set.of("4A"), library.lastQuery.camelotKeys());
        String[] lines = ctx.printed().split("\n");
        assertTrue(lines[0].matches("TITLE +ARTIST +BPM KEY +ENERGY +FILE"), lines[0]);
        assertTrue(lines[1].matches("One More Time +Daft Punk +123\\.0 4A +0\\.80 +/music/a\\.flac"), lines[1]);
        assertTrue(lines[2].contains("A Very Long Artist Name…"), lines[2]);
        assertEquals("", lines[3]);
        assertEquals("tracks 1-2 of 2", lines[4]);
        assertEquals("genre: house (2)", lines[5]);
    }

    @Test
    void printsJson() throws Exception {
        CapturedCommandContext ctx = new CapturedCommandContext(Path.of("/"), "--json");
        assertEquals(Command.OK, command.run(ctx));
        JsonNode root = new ObjectMapper().readTree(ctx.printed());
        assertEquals(2, root.path("totalHits").asInt());
        assertEquals("One More Time", root.path("tracks").get(0).path("title").asText());
        assertEquals(122.96, root.path("tracks").get(0).path("bpm").asDouble(), 1e-9);
        assertEquals("4A", root.path("tracks").get(0).path("key").asText());
        assertEquals(0.8, root.path("tracks").get(0).path("energy").asDouble(), 1e-6);
        assertEquals("/music/a.flac", root.path("tracks").get(0).path("file").asText());
        assertEquals(2, root.path("facets").path("genre").get(0).path("count").asInt());
    }

    @Test
    void wrongOptionsAndBadQueriesAreUsageErrors() throws Exception {
        CapturedCommandContext bad = new CapturedCommandContext(Path.of("/"), "--key", "H");
        assertEquals(Command.USAGE, command.run(bad));
        assertTrue(bad.errors().startsWith("segue search: --key needs a Camelot"), bad.errors());
        assertTrue(bad.errors().contains("usage: segue search"), bad.errors());
        CapturedCommandContext syntax = new CapturedCommandContext(Path.of("/"), "title:(daft");
        assertEquals(Command.USAGE, command.run(syntax));
        assertEquals("segue search: bad search query 'title:(daft': syntax error\n", syntax.errors());
    }

    @Test
    void saysWhenNothingMatches() throws Exception {
        library.tracks.clear();
        CapturedCommandContext ctx = new CapturedCommandContext(Path.of("/"), "nothing");
        assertEquals(Command.OK, command.run(ctx));
        assertEquals("no tracks found (0 matching)\n", ctx.printed());
    }
}
