package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.testkit.Signals;

/**
 * The recommenders on a real Lucene library, in the installed distribution: synthesised tracks
 * imported with {@code segue import}, recommended with reasons, feedback kept per user across
 * processes (every command is a new JVM), and collaborative filtering once two users have feedback.
 */
class RecommendIT {
    private static final Pattern RANK = Pattern.compile("^\\s*\\d+\\. (\\d\\.\\d\\d)  (.+)$");

    @TempDir
    Path work;

    /** One recommendation as printed: the score, the track's label, the explanation. */
    record Printed(double score, String label, String why) {
    }

    @Test
    void recommendsWithReasonsAndLearnsPerUser() throws Exception {
        Path music = Files.createDirectories(work.resolve("music"));
        Map<String, String> ids = new LinkedHashMap<>();
        // Tempo and key decide what mixes after A minor at 120: E minor (9A) and D minor (7A) next to
        // it, C major (8B) its relative; F sharp major (2B) at 90 bpm neither in key nor in tempo.
        ids.put("a-minor", track(music, "a-minor", 120, 57, 60, 64));
        ids.put("e-minor", track(music, "e-minor", 123, 64, 67, 71));
        ids.put("c-major", track(music, "c-major", 121, 60, 64, 67));
        ids.put("d-minor", track(music, "d-minor", 118, 62, 65, 69));
        ids.put("f-sharp-major", track(music, "f-sharp-major", 90, 66, 70, 73));

        SegueProcess.Result imported = segue("import", music.toString());
        assertEquals(0, imported.code(), imported.out() + imported.err());

        List<Printed> bob = recommend("bob", "a-minor.wav");
        assertFalse(bob.isEmpty(), "something mixes after A minor");
        for (Printed p : bob) {
            assertTrue(p.why().matches("\\[.+\\] .+") && (p.why().contains("sounds like") || p.why().contains("mixes after")),
                    "every result is explained: " + p);
            assertNotEquals(ids.get("a-minor"), p.label(), "not the seed");
            assertNotEquals(ids.get("f-sharp-major"), p.label(), "neither in key nor in tempo");
        }
        assertEquals(bob, recommend("alice", "a-minor.wav"), "no feedback yet: the same for everyone");

        // Alice dislikes bob's first pick: it falls for her, with her taste in the reason; bob sees no change.
        Printed top = bob.get(0);
        SegueProcess.Result disliked = segue("feedback", top.label(), "dislike", "--user", "alice");
        assertEquals(0, disliked.code(), disliked.err());
        assertTrue(disliked.out().contains("recorded for alice"), disliked.out());
        List<Printed> alice = recommend("alice", "a-minor.wav");
        Printed topForAlice = alice.stream().filter(p -> p.label().equals(top.label())).findFirst().orElse(null);
        assertTrue(topForAlice == null || topForAlice.score() < top.score(), "disliked: " + topForAlice + " was " + top);
        assertTrue(alice.stream().allMatch(p -> p.why().contains("preference")), "her model weighs in: " + alice);
        assertEquals(bob, recommend("bob", "a-minor.wav"), "bob's recommendations do not change");

        // Collaborative filtering: dana likes C major and E minor, eve C major and D minor (alice's
        // dislike is no like). For carol, after C major: over dana and eve, C (1,1), E (1,0), D (0,1):
        // cosine 1/√2 each, score 1-e^-0.71.
        for (String[] like : new String[][] {{"dana", "c-major"}, {"dana", "e-minor"}, {"eve", "c-major"},
            {"eve", "d-minor"}}) {
            SegueProcess.Result r = segue("feedback", "music/" + like[1] + ".wav", "like", "--user", like[0]);
            assertEquals(0, r.code(), r.err());
        }
        List<Printed> carol = recommend("carol", "c-major.wav", "--strategy", "collaborative");
        assertEquals(Stream.of(ids.get("d-minor"), ids.get("e-minor")).sorted().toList(),
                carol.stream().map(Printed::label).sorted().toList(),
                carol.toString());
        for (Printed p : carol) {
            assertEquals(0.51, p.score(), 1e-9, p.toString());
            assertEquals("liked by 1 listener who also liked " + ids.get("c-major") + " (0.71)", p.why());
        }
        assertTrue(Files.readString(work.resolve("data/segue/interactions/dana.jsonl")).contains("\"kind\":\"LIKE\""));
        List<Printed> hybrid = recommend("carol", "c-major.wav");
        assertTrue(hybrid.stream().anyMatch(p -> p.why().contains("collaborative")), "the hybrid blends it in: " + hybrid);
    }

    private List<Printed> recommend(String user, String seed, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("recommend", "music/" + seed, "--why", "--user", user));
        args.addAll(List.of(more));
        SegueProcess.Result r = segue(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        List<Printed> out = new ArrayList<>();
        List<String> lines = r.out().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RANK.matcher(lines.get(i));
            if (m.matches()) {
                String why = i + 1 < lines.size() && !RANK.matcher(lines.get(i + 1)).matches() ? lines.get(i + 1).strip() : "";
                out.add(new Printed(Double.parseDouble(m.group(1)), m.group(2), why));
            }
        }
        return out;
    }

    /** A 30-second track: a click at the tempo and a held triad; returns its track id as segue import names it. */
    private static String track(Path folder, String name, double bpm, int... triad) throws Exception {
        Path file = AnalyzeCommandIT.writeWav(folder.resolve(name + ".wav"),
                Signals.mix(Signals.clicks(44100, 30, bpm, 4, 0.5), Signals.chord(44100, 30, 0.3, triad)).stereo());
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
        return "local-" + HexFormat.of().formatHex(hash, 0, 12);
    }

    private SegueProcess.Result segue(String... args) throws Exception {
        return SegueProcess.run(KernelFixture.DIST, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString(),
                "XDG_DATA_HOME", work.resolve("data").toString()), args);
    }
}
