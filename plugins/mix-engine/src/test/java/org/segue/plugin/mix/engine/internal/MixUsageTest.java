package org.segue.plugin.mix.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.LiveAnalysis;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;
import org.segue.api.audio.AudioOpener;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;
import org.segue.api.effect.Effect;
import org.segue.api.effect.EffectDescriptor;
import org.segue.api.effect.EffectProcessor;
import org.segue.api.effect.ParameterChanges;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetPlanner;
import org.segue.api.mix.SetRequest;
import org.segue.api.mix.SetTrack;
import org.segue.api.mix.TransitionScore;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.style.AutomationLane;
import org.segue.api.style.AutomationPoint;
import org.segue.api.style.Deck;
import org.segue.api.style.DjStyle;
import org.segue.api.style.RampShape;
import org.segue.api.style.TempoRamp;
import org.segue.api.style.TransitionPlan;
import org.segue.api.style.TransitionRequest;
import org.segue.api.testkit.RecordingEventLog;
import org.segue.api.testkit.Signals;
import org.segue.plugin.stretch.wsola.internal.WsolaStretcher;

/** The mix engine's plugin.used events: one batch per plan, one per render, one event per plugin that worked. */
class MixUsageTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final double BPM = 120;
    static final double SECONDS = 30;

    @TempDir
    Path dir;
    MixEngineComponent engine;
    RecordingEventLog log;
    List<Path> files;

    /** Plays the tracks in the order given. */
    static final class AsGivenPlanner implements SetPlanner {
        @Override
        public SetOrder order(List<SetTrack> tracks, SetRequest request) {
            List<TransitionScore> scores = new ArrayList<>();
            for (int i = 0; i + 1 < tracks.size(); i++) {
                scores.add(new TransitionScore(tracks.get(i).id(), tracks.get(i + 1).id(), 1, 1, 1, 1, 1, 0, "as given"));
            }
            return new SetOrder(tracks, scores, 1, "test.asgiven");
        }
    }

    /** A four-bar fade with the delay on the outgoing deck and the faulty effect on the incoming one. */
    static final class Fade implements DjStyle {
        @Override
        public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
            return 0.5;
        }

        @Override
        public TransitionPlan plan(TransitionRequest request) {
            List<AutomationPoint> down = List.of(new AutomationPoint(0, 1, RampShape.LINEAR), new AutomationPoint(16, 0, RampShape.LINEAR));
            List<AutomationPoint> up = List.of(new AutomationPoint(0, 0, RampShape.LINEAR), new AutomationPoint(16, 1, RampShape.LINEAR));
            List<AutomationPoint> on = List.of(new AutomationPoint(0, 1, RampShape.HOLD), new AutomationPoint(16, 1, RampShape.HOLD));
            return new TransitionPlan("test.fade/1", 20, 0, 4, 4, true, TempoRamp.constant(BPM), 0, List.of(
                    new AutomationLane(Deck.OUTGOING, AutomationLane.MIXER, AutomationLane.VOLUME, down),
                    new AutomationLane(Deck.INCOMING, AutomationLane.MIXER, AutomationLane.VOLUME, up),
                    new AutomationLane(Deck.OUTGOING, "test.delay/1", "mix", on),
                    new AutomationLane(Deck.INCOMING, "test.faulty/1", "mix", on)), "a test fade");
        }
    }

    /** Ranked first, and throws: the engine falls back to the next style. */
    static final class Broken implements DjStyle {
        @Override
        public double suitability(AnalysisResults outgoing, AnalysisResults incoming) {
            return 0.9;
        }

        @Override
        public TransitionPlan plan(TransitionRequest request) {
            throw new IllegalStateException("style bug");
        }
    }

    /** Throws on its first block: the engine bypasses it and the mix goes on. */
    static final class Faulty implements Effect {
        @Override
        public EffectDescriptor descriptor() {
            return new EffectDescriptor("test.faulty/1", "Faulty", "test", List.of());
        }

        @Override
        public EffectProcessor newProcessor() {
            return new EffectProcessor() {
                @Override
                public void prepare(int sampleRate, int channels, int maxFrames) {
                }

                @Override
                public int latencyFrames() {
                    return 0;
                }

                @Override
                public void process(AudioBlock block, ParameterChanges changes) {
                    throw new ArrayIndexOutOfBoundsException("effect bug");
                }

                @Override
                public void reset() {
                }
            };
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        files = List.of(Files.createFile(dir.resolve("a.wav")), Files.createFile(dir.resolve("b.wav")));
        engine = new MixEngineComponent();
        engine.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        engine.analysis = new AnalysisService() {
            @Override
            public TrackReport analyze(Path file) {
                return analyze(file, true);
            }

            @Override
            public TrackReport analyze(Path file, boolean useCache) {
                String id = file.getFileName().toString();
                return new TrackReport(file.toString(), id, TimelineTest.track(id, BPM, 0, SECONDS).track().analysis(),
                        List.of(), false);
            }

            @Override
            public LiveAnalysis live(AudioFormat format) {
                throw new UnsupportedOperationException();
            }
        };
        engine.opener = new AudioOpener() {
            @Override
            public PcmSource open(Path file) {
                return DeckTest.source(Signals.sine(44100, SECONDS, 440, 0.3));
            }

            @Override
            public TrackTags tags(Path file) {
                return TrackTags.empty();
            }
        };
        engine.planner = new AsGivenPlanner();
        engine.stretcher = new WsolaStretcher();
        engine.addStyle(new Fade(), Map.of(DjStyle.ID, "test.fade/1"));
        engine.addStyle(new Broken(), Map.of(DjStyle.ID, "test.broken/1"));
        engine.addEffect(new EffectSlotTest.Delay(), Map.of(Effect.ID, "test.delay/1"));
        engine.addEffect(new Faulty(), Map.of(Effect.ID, "test.faulty/1"));
        log = new RecordingEventLog();
        engine.events = log;
    }

    @Test
    void aPlanRecordsThePlannerAndTheStylesThatPlanned() throws Exception {
        MixPlan plan = engine.plan(files, MixRequest.defaults());
        assertEquals("test.fade/1", plan.transitions().get(0).styleId());

        assertEquals(1, log.writes(), "one durable write per plan");
        Map<String, UserEvent> byPlugin = byPlugin(log.events());
        assertEquals(3, byPlugin.size(), log.events().toString());
        assertOk(byPlugin.get(AsGivenPlanner.class.getName()), true);
        UserEvent fade = byPlugin.get(Fade.class.getName());
        assertOk(fade, true);
        assertEquals("test.fade/1", fade.attributes().get(UserEventTypes.COMPONENT));
        assertOk(byPlugin.get(Broken.class.getName()), false);
        for (UserEvent e : log.events()) {
            assertEquals(UserEventTypes.HOST_USER, e.userId());
            assertEquals(UserEventTypes.PLUGIN_USED, e.type());
            assertEquals(NOW, e.time());
        }
    }

    @Test
    void aTwoTrackRenderRecordsOneBatchNamingTheStretcherDecoderAndEffects() throws Exception {
        MixPlan plan = engine.plan(files, MixRequest.defaults());
        int afterPlan = log.events().size();
        long start = System.nanoTime();
        MixResult result = engine.render(plan, RenderOptions.to(dir.resolve("mix.wav")), null);
        double wallMillis = (System.nanoTime() - start) / 1e6;
        assertTrue(Files.size(result.audio()) > 44100 * 4 * 40, "about 50 s of stereo 16-bit");

        assertEquals(2, log.writes(), "one durable write for the render");
        List<UserEvent> render = log.events().subList(afterPlan, log.events().size());
        Map<String, UserEvent> byPlugin = byPlugin(render);
        assertEquals(4, render.size(), render.toString());

        UserEvent stretcher = byPlugin.get(WsolaStretcher.class.getName());
        assertOk(stretcher, true);
        assertNull(stretcher.attributes().get(UserEventTypes.COMPONENT));
        double stretchMillis = millis(stretcher);
        assertTrue(stretchMillis > 0 && stretchMillis < wallMillis,
                "two decks' stretching takes time, within the render's " + wallMillis + " ms: " + stretchMillis);

        UserEvent decoder = render.stream().filter(e -> "decoder".equals(e.attributes().get(UserEventTypes.COMPONENT)))
                .findFirst().orElseThrow();
        assertOk(decoder, true);
        assertTrue(millis(decoder) >= 0);

        UserEvent delay = byPlugin.get(EffectSlotTest.Delay.class.getName());
        assertOk(delay, true);
        assertEquals("test.delay/1", delay.attributes().get(UserEventTypes.COMPONENT));
        assertTrue(millis(delay) > 0);
        UserEvent faulty = byPlugin.get(Faulty.class.getName());
        assertOk(faulty, false);
        assertEquals(4, render.stream().map(e -> e.attributes().get(UserEventTypes.EVENT_ID)).distinct().count());
    }

    @Test
    void withoutAnEventLogTheMixStillRenders() throws Exception {
        engine.events = null;
        MixPlan plan = engine.plan(files, MixRequest.defaults());
        MixResult result = engine.render(plan, RenderOptions.to(dir.resolve("mix.wav")), null);
        assertTrue(Files.size(result.audio()) > 0);
        assertEquals(0, log.writes());
    }

    private static Map<String, UserEvent> byPlugin(List<UserEvent> events) {
        return events.stream().collect(Collectors.toMap(e -> e.attributes().get(UserEventTypes.PLUGIN), Function.identity(),
                (a, b) -> {
                    throw new AssertionError("two events for one plugin: " + a + ", " + b);
                }));
    }

    private static void assertOk(UserEvent e, boolean ok) {
        assertTrue(e != null, "no event");
        assertEquals(Boolean.toString(ok), e.attributes().get(UserEventTypes.OK), e.toString());
    }

    private static double millis(UserEvent e) {
        return Double.parseDouble(e.attributes().get(UserEventTypes.MILLIS));
    }
}
