package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.ResultKey;
import org.segue.api.effect.Effect;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.style.DjStyle;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;
import org.segue.api.testkit.AnalyzerHarness;
import org.segue.api.testkit.BadgeHarness;
import org.segue.api.testkit.EffectHarness;
import org.segue.api.testkit.ResultMap;
import org.segue.api.testkit.Signals;
import org.segue.api.testkit.SyntheticTrack;

/**
 * The jars of {@code sample-plugins/}, built as a plugin author builds them, dropped into
 * {@code plugins/} of the real distribution: each becomes active and is used. In the kernel, each
 * sample's service answers as its tests say (and the badge takes its configuration from
 * {@code conf/}); on the command line, {@code segue analyze --json} shows the danceability,
 * {@code segue mix --style} mixes with the reverb wash, and a mix plan automating the bitcrusher
 * sounds different with the plugin and exactly like no automation without it.
 *
 * <p>The sample jars come from {@code sample-plugins/*}{@code /target}: the reactor builds
 * {@code sample-plugins} before this module.
 */
class SamplePluginsIT {

    static final Path SAMPLES = Path.of(System.getProperty("segue.samples", "../../sample-plugins"));

    static final String EFFECT = "sample.effect.bitcrusher/1";
    static final String ANALYZER = "sample.analyzer.danceability/1";
    static final String STYLE = "sample.style.reverbwash/1";
    static final String BADGE = "sample.badge.nightowl/1";
    static final List<String> BUNDLES = List.of("org.segue.sample.effect.bitcrusher",
            "org.segue.sample.analyzer.danceability", "org.segue.sample.style.reverbwash", "org.segue.sample.badge.nightowl");

    @TempDir
    Path work;

    /** The built jar of one sample, or a failure that says how to build it. */
    static Path sampleJar(String folder) throws IOException {
        Path target = SAMPLES.resolve(folder).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                files.filter(f -> f.getFileName().toString().matches("segue-sample-.*\\.jar")).forEach(jars::add);
            }
        }
        assertEquals(1, jars.size(), "one built jar in " + target.toAbsolutePath()
                + "; build the samples first: ./mvnw install -pl sample-plugins -amd");
        return jars.get(0);
    }

    static List<Path> sampleJars() throws IOException {
        return List.of(sampleJar("effect-bitcrusher"), sampleJar("analyzer-danceability"), sampleJar("style-reverb-wash"),
                sampleJar("badge-night-owl"));
    }

    @Test
    void theSamplesBecomeActiveServicesThatWorkInTheKernel() throws Exception {
        try (KernelFixture k = new KernelFixture(work.resolve("home"))) {
            for (Path jar : sampleJars()) {
                Files.copy(jar, k.plugins.resolve(jar.getFileName()));
            }
            for (String bsn : BUNDLES) {
                KernelFixture.await(bsn + " active", Duration.ofSeconds(10), () -> active(k, bsn));
            }

            Effect effect = service(k, Effect.class, Effect.ID, EFFECT);
            float[] ramp = new float[2001];
            for (int i = 0; i < ramp.length; i++) {
                ramp[i] = -1 + 2f * i / (ramp.length - 1);
            }
            float[] crushed = new EffectHarness(effect, 48000, 1, 512).set("bits", 3).set("downsample", 1).set("mix", 1)
                    .process(new float[][] {ramp})[0];
            TreeSet<Float> levels = new TreeSet<>();
            for (float v : crushed) {
                levels.add(v);
            }
            assertEquals(9, levels.size(), "3 bits leave 9 levels of a ramp: " + levels);

            Analyzer analyzer = service(k, Analyzer.class, Analyzer.ID, ANALYZER);
            ResultMap results = AnalyzerHarness.run(analyzer, 44100,
                    Signals.clicks(44100, 20, 120, 4, 0.5).audio(), 4096);
            ResultKey<?> key = results.keys().stream().filter(r -> r.name().equals("sample.danceability")).findFirst()
                    .orElseThrow(() -> new AssertionError("no sample.danceability in " + results.keys()));
            JsonNode value = new ObjectMapper().valueToTree(results.get(key).orElseThrow());
            assertTrue(value.get("score").asDouble() > 0.7, "a click track is danceable: " + value);
            assertEquals(120, value.get("bpm").asDouble(), 2.4, value.toString());

            DjStyle style = service(k, DjStyle.class, DjStyle.ID, STYLE);
            SyntheticTrack a = SyntheticTrack.of("a", 124, 64);
            SyntheticTrack b = SyntheticTrack.of("b", 126, 64);
            TransitionPlan plan = style.plan(new TransitionRequest(a.results(), b.results(), null, 126));
            assertEquals(STYLE, plan.styleId());
            assertTrue(plan.explanation().contains("reverb wash"), plan.explanation());

            Badge badge = service(k, Badge.class, Badge.ID, BADGE);
            assertEquals("Play 10 tracks between midnight and 5 am", badge.descriptor().description(), "the default");
            Files.writeString(k.conf.resolve("sample.badge.nightowl.cfg"), "tracks = 3\n");
            KernelFixture.await("the badge configured from conf/", Duration.ofSeconds(10),
                    () -> description(k).equals("Play 3 tracks between midnight and 5 am"));
            Badge configured = service(k, Badge.class, Badge.ID, BADGE);
            List<UserEvent> nights = List.of(play("2026-11-20T01:00:00Z"), play("2026-11-20T13:00:00Z"),
                    play("2026-11-21T02:00:00Z"), play("2026-11-22T03:00:00Z"), play("2026-11-23T04:00:00Z"));
            BadgeProgress progress = BadgeHarness.replay(configured, "ana", nights);
            assertTrue(progress.earned(), progress.toString());
            assertEquals(nights.get(3).time(), progress.earnedAt(), "the third night play earns it");

            String listing = k.run("plugins");
            for (String bsn : BUNDLES) {
                assertTrue(listing.contains(bsn), listing);
            }
            assertTrue(listing.contains(", 0 with problems"), listing);
        }
    }

    @Test
    void theCommandLineAnalysesAndMixesWithTheSamples() throws Exception {
        Path segue = copyOfTheDistribution(work.resolve("segue"));
        for (Path jar : sampleJars()) {
            Files.copy(jar, segue.resolve("plugins").resolve(jar.getFileName()));
        }
        SegueProcess.Result plugins = segue(segue, "plugins");
        assertEquals(0, plugins.code(), plugins.err());
        for (String bsn : BUNDLES) {
            assertTrue(plugins.out().lines().anyMatch(l -> l.contains(bsn) && l.contains("ACTIVE")), plugins.out());
        }
        assertTrue(plugins.out().contains(", 0 with problems"), plugins.out());

        Path a = AnalyzeCommandIT.writeWav(work.resolve("a.wav"), Signals.mix(Signals.clicks(44100, 40, 124, 4, 0.5),
                Signals.chord(44100, 40, 0.3, 57, 60, 64)).stereo());
        Path b = AnalyzeCommandIT.writeWav(work.resolve("b.wav"), Signals.mix(Signals.clicks(44100, 40, 126, 4, 0.5),
                Signals.chord(44100, 40, 0.3, 64, 67, 71)).stereo());
        ObjectMapper mapper = new ObjectMapper();

        SegueProcess.Result analyze = segue(segue, "analyze", "--json", a.toString());
        assertEquals(0, analyze.code(), analyze.err());
        JsonNode danceability = mapper.readTree(analyze.out()).get(0).get("results").get("sample.danceability");
        assertNotNull(danceability, analyze.out());
        assertEquals(ANALYZER, danceability.get("analyzer").asText());
        assertTrue(danceability.get("value").get("score").asDouble() > 0.2, danceability.toString());
        assertEquals(124, danceability.get("value").get("bpm").asDouble(), 124 * 0.02, danceability.toString());

        SegueProcess.Result mix = segue(segue, "mix", a.toString(), b.toString(), "-o", "clean.wav", "--style", STYLE,
                "--save-plan", "clean-plan.json");
        assertEquals(0, mix.code(), mix.err());
        ObjectNode plan = (ObjectNode) mapper.readTree(work.resolve("clean-plan.json").toFile());
        JsonNode transition = plan.get("transitions").get(0);
        assertEquals(STYLE, transition.get("styleId").asText(), transition.toString());
        assertTrue(transition.get("explanation").asText().contains("reverb wash"), transition.toString());

        // The same plan with the outgoing deck crushed to 1 bit for the whole transition. (Not named
        // crushed.json: that is where the mix of crushed.wav writes its tracklist.)
        ObjectNode lane = ((ArrayNode) transition.get("lanes")).addObject();
        lane.put("deck", "OUTGOING").put("effectId", EFFECT).put("parameterId", "bits");
        lane.putArray("points").addObject().put("beat", 0).put("value", 1).put("shapeToNext", "HOLD");
        mapper.writeValue(work.resolve("crushed-plan.json").toFile(), plan);
        SegueProcess.Result crushed = segue(segue, "mix", "--plan", "crushed-plan.json", "-o", "crushed.wav");
        assertEquals(0, crushed.code(), crushed.err());
        assertFalse(notes(crushed).contains("not installed"), notes(crushed));
        byte[] clean = Files.readAllBytes(work.resolve("clean.wav"));
        assertFalse(Arrays.equals(clean, Files.readAllBytes(work.resolve("crushed.wav"))), "the bitcrusher changed the mix");

        // Without the plugin the lane is skipped with a note, and the mix is the clean one, bit for bit.
        try (Stream<Path> files = Files.list(segue.resolve("plugins"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().contains("bitcrusher")).toList()) {
                Files.delete(f);
            }
        }
        SegueProcess.Result without = segue(segue, "mix", "--plan", "crushed-plan.json", "-o", "without.wav");
        assertEquals(0, without.code(), without.err());
        assertTrue(notes(without).contains("effect " + EFFECT + " is not installed"), notes(without));
        assertArrayEquals(clean, Files.readAllBytes(work.resolve("without.wav")), "no bitcrusher, no change");
    }

    private SegueProcess.Result segue(Path home, String... args) throws Exception {
        return SegueProcess.run(home, work, Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()), args);
    }

    /** The notes of the tracklist JSON whose path a mix printed. */
    private String notes(SegueProcess.Result mix) throws IOException {
        Matcher m = Pattern.compile("(?m)^tracklist: (.+)$").matcher(mix.out());
        assertTrue(m.find(), mix.out());
        Path tracklist = work.resolve(m.group(1).trim());
        return new ObjectMapper().readTree(tracklist.toFile()).path("notes").toString();
    }

    /** A private copy of the built distribution, so the samples in its plugins/ touch no other test. */
    static Path copyOfTheDistribution(Path to) throws IOException {
        Path from = KernelFixture.DIST.toAbsolutePath();
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static UserEvent play(String time) {
        return BadgeHarness.event("ana", UserEventTypes.TRACK_PLAYED, time, UserEventTypes.TRACK, "t");
    }

    private static boolean active(KernelFixture k, String bsn) {
        return Arrays.stream(k.context().getBundles()).anyMatch(b -> bsn.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE);
    }

    private static String description(KernelFixture k) {
        try {
            return service(k, Badge.class, Badge.ID, BADGE).descriptor().description();
        } catch (Exception | AssertionError e) {
            return "";
        }
    }

    /** The service registered with {@code property=value}, waiting up to 10 s for it to appear. */
    static <S> S service(KernelFixture k, Class<S> type, String property, String value) throws Exception {
        String filter = "(" + property + "=" + value + ")";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Collection<ServiceReference<S>> refs = k.context().getServiceReferences(type, filter);
            if (!refs.isEmpty()) {
                S service = k.context().getService(refs.iterator().next());
                if (service != null) {
                    return service;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getSimpleName() + " service " + filter);
            }
            Thread.sleep(20);
        }
    }
}
