package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.plugin.connector.subsonic.internal.SupysonicServer;

/**
 * {@code segue import --from subsonic} through the installed distribution against a real Subsonic
 * server (supysonic on loopback): the account is saved in the user's configuration folder
 * with {@code segue connect} (the password, full of characters that properties files and File
 * Install treat specially, typed on standard input), then a search's and a playlist's tracks are
 * downloaded, analysed and searchable in the Lucene library.
 */
class SubsonicImportIT {
    @TempDir
    Path work;

    @Test
    void importsAPlaylistFromARealSubsonicServer() throws Exception {
        try (SupysonicServer server = SupysonicServer.start(work.resolve("supysonic"), List.of(
                new String[] {"Opening Tone", "Synth Duo", "220", "6", "flac"},
                new String[] {"Closing Tone", "Synth Duo", "330", "6", "mp3"},
                new String[] {"Not In The List", "Other", "440", "3", "ogg"}))) {
            Path home = Files.createDirectories(work.resolve("home"));
            Files.createSymbolicLink(home.resolve("bundles"), KernelFixture.DIST.resolve("bundles").toAbsolutePath());
            Files.createDirectories(home.resolve("plugins"));
            Files.createDirectories(home.resolve("conf"));
            Files.copy(KernelFixture.DIST.resolve("conf/org.apache.felix.fileinstall-user.cfg"),
                    home.resolve("conf/org.apache.felix.fileinstall-user.cfg"));

            SegueProcess.Result connect = SegueProcess.runWithInput(KernelFixture.DIST, work, env(), server.password + "\n",
                    "--home", home.toString(), "connect", "subsonic", "--name", "home", "url=" + server.url,
                    "username=" + server.username);
            assertEquals(0, connect.code(), connect.out() + connect.err());
            Path account = work.resolve("config/segue/conf/org.segue.connector.subsonic-home.cfg");
            assertTrue(connect.out().contains(account.toString()), connect.out());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(account)));
            assertFalse(connect.out().contains(server.password), "never printed");

            SegueProcess.Result search = segue(home, "import", "--from", "subsonic", "Tone");
            assertEquals(0, search.code(), search.out() + search.err());
            assertTrue(search.out().contains("2 added, 0 updated, 0 unchanged, 0 failed"), search.out());

            server.createPlaylist("Friday set", List.of(server.songId("Not In The List"), server.songId("Opening Tone")));
            SegueProcess.Result playlist = segue(home, "import", "--from", "subsonic", "--playlist", "friday set");
            assertEquals(0, playlist.code(), playlist.out() + playlist.err());
            assertTrue(playlist.out().contains("1 added, 0 updated, 1 unchanged, 0 failed"), playlist.out());

            List<String> titles = new ArrayList<>();
            for (JsonNode t : json(segue(home, "search", "--json")).get("tracks")) {
                titles.add(t.get("title").asText());
                assertTrue(t.get("file").asText().contains("/segue/remote/subsonic/"), t.toString());
            }
            assertEquals(3, titles.size(), titles.toString());
            assertTrue(titles.containsAll(List.of("Opening Tone", "Closing Tone", "Not In The List")), titles.toString());

            SegueProcess.Result again = segue(home, "import", "--from", "subsonic", "Tone");
            assertTrue(again.out().contains("0 added, 0 updated, 2 unchanged, 0 failed"), again.out());

            SegueProcess.Result wrong = segue(home, "import", "--from", "subsonic", "--playlist", "No Such List");
            assertEquals(1, wrong.code());
            assertTrue(wrong.err().contains("no playlist named 'No Such List'"), wrong.err());
            assertFalse((wrong.err() + wrong.out() + search.err()).contains(server.password),
                    "the password is never printed");
        }
    }

    private SegueProcess.Result segue(Path home, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return SegueProcess.run(KernelFixture.DIST, work, env(), all.toArray(String[]::new));
    }

    private Map<String, String> env() {
        return Map.of("XDG_DATA_HOME", work.resolve("data").toString(), "XDG_CACHE_HOME",
                work.resolve("cache").toString(), "XDG_CONFIG_HOME", work.resolve("config").toString());
    }

    private static JsonNode json(SegueProcess.Result r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }
}
