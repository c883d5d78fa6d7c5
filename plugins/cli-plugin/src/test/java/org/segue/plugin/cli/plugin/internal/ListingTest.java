package org.segue.plugin.cli.plugin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;
import org.segue.api.testkit.CapturedCommandContext;

class ListingTest {

    @TempDir
    Path temp;

    static Index.Plugin plugin(String bsn, String category, String summary, String apiRange) {
        return new Index.Plugin(bsn, "alice", bsn, summary, "", category, "GPL-3.0-or-later", "https://example.org", 3,
                List.of(new Index.Release(Version.parseVersion("1.0.0"), "0".repeat(64), 10, "x", false,
                        Map.of("org.segue.api.effect", apiRange), new byte[0], null)));
    }

    @Test
    void searchMatchesEveryWordAndTheCategoryAndFlagsWhatThisSegueCannotRun() {
        Index index = new Index(1, "2999-01-01T00:00:00Z", Map.of(), List.of(
                plugin("org.example.crusher", "effect", "Lo-fi bit crusher", "[1.0,2)"),
                plugin("org.example.future", "effect", "Bit crusher for api 2", "[2.0,3)"),
                plugin("org.example.crushstyle", "style", "A crushing DJ style", "[1.0,2)")));
        Installed installed = new FolderKernel(temp).get(); // exports org.segue.api.effect 1.0.0
        CapturedCommandContext ctx = new CapturedCommandContext(temp);
        Listing.search(ctx, index, List.of("bit", "crush", "--category", "effect"), installed);
        List<String> lines = ctx.printed().lines().toList();
        assertEquals(2, lines.size(), ctx.printed());
        assertTrue(lines.get(0).startsWith("org.example.crusher") && !lines.get(0).contains("not for this Segue"), lines.get(0));
        assertTrue(lines.get(1).contains("not for this Segue: needs org.segue.api.effect [2.0.0,3.0.0)"), lines.get(1));
        assertFalse(ctx.printed().contains("crushstyle"), "other category");
    }
}
