package org.segue.plugin.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.segue.api.analysis.AnalysisTask;
import org.segue.api.analysis.Analyzer;
import org.segue.api.analysis.ResultSink;
import org.segue.api.analysis.StandardResults;
import org.segue.api.analysis.Tempo;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioBlock;
import org.segue.api.audio.AudioFormat;
import org.segue.api.play.EventLog;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.api.testkit.RecordingEventLog;
import org.segue.api.testkit.Signals;
import org.segue.support.usage.UsageRecorder;

/** The engine's plugin.used events: one batch per analysis that did work, one event per plugin. */
class PluginUsageTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;
    AnalysisEngine engine;
    RecordingEventLog log;

    /** Spends a known minimum of time per block, so the recorded millis have a lower bound. */
    static final class SleepyAnalyzer implements Analyzer {
        final int sleepMillisPerBlock;

        SleepyAnalyzer(int sleepMillisPerBlock) {
            this.sleepMillisPerBlock = sleepMillisPerBlock;
        }

        @Override
        public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
            return new AnalysisTask() {
                @Override
                public void accept(AudioBlock block) {
                    if (sleepMillisPerBlock == 0) {
                        // Thread.sleep allocates a JFR event object on JDK 21+, which the
                        // allocation test would charge to the engine's timing.
                        return;
                    }
                    try {
                        Thread.sleep(sleepMillisPerBlock);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void finish(ResultSink sink) {
                    sink.put(StandardResults.TEMPO, new Tempo(120, 1));
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Throws on its second block. */
    static final class ThrowingAnalyzer implements Analyzer {
        @Override
        public AnalysisTask begin(AudioFormat format, long frameLengthHint) {
            return new AnalysisTask() {
                int blocks;

                @Override
                public void accept(AudioBlock block) {
                    if (++blocks == 2) {
                        throw new IllegalStateException("plugin bug");
                    }
                }

                @Override
                public void finish(ResultSink sink) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @BeforeEach
    void setUp() {
        engine = new AnalysisEngine();
        engine.configure(AnalysisEngineTest.config(dir.resolve("cache").toString()));
        engine.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        engine.addDecoder(new JdkWavDecoder(), Map.of("service.id", 1L, "segue.decoder.extensions", new String[] {"wav"}));
        // 2 s at 44.1 kHz in blocks of 1000 frames: 89 blocks, so at least 89 ms in the sleepy one.
        engine.addAnalyzer(new SleepyAnalyzer(1), Map.of("segue.analyzer.id", "test.sleepy/1"));
        engine.addAnalyzer(new SleepyAnalyzer(0), Map.of("segue.analyzer.id", "test.quick/2"));
        log = new RecordingEventLog();
    }

    @Test
    void oneBatchPerAnalysisWithOneEventPerPluginAndNothingForACachedResult() throws Exception {
        engine.events = log;
        Path wav = AnalysisEngineTest.writeWav(dir, "a.wav", Signals.sine(44100, 2, 440, 0.5));
        TrackReport report = engine.analyze(wav);
        assertTrue(report.failures().isEmpty(), report.failures().toString());

        assertEquals(1, log.writes(), "one durable write for the whole analysis");
        Map<String, UserEvent> byComponent = byComponent(log.events());
        assertEquals(List.of("test.quick/2", "test.sleepy/1", "wav"), byComponent.keySet().stream().sorted().toList());
        for (UserEvent e : log.events()) {
            assertEquals(UserEventTypes.HOST_USER, e.userId());
            assertEquals(UserEventTypes.PLUGIN_USED, e.type());
            assertEquals(NOW, e.time());
            assertEquals("true", e.attributes().get(UserEventTypes.OK), e.toString());
            assertTrue(millis(e) >= 0, e.toString());
        }
        // Outside a framework the plugin is named by its class.
        assertEquals(SleepyAnalyzer.class.getName(), byComponent.get("test.sleepy/1").attributes().get(UserEventTypes.PLUGIN));
        assertEquals(JdkWavDecoder.class.getName(), byComponent.get("wav").attributes().get(UserEventTypes.PLUGIN));
        double sleepy = millis(byComponent.get("test.sleepy/1"));
        assertTrue(sleepy >= 89, "89 blocks of at least 1 ms: " + sleepy);
        assertTrue(millis(byComponent.get("test.quick/2")) < sleepy, "the quick one is timed on its own");
        assertEquals(3, log.events().stream().map(e -> e.attributes().get(UserEventTypes.EVENT_ID)).distinct().count(),
                "each event its own id");

        assertTrue(engine.analyze(wav).cached());
        assertEquals(1, log.writes(), "a cached result is no plugin's work: nothing recorded");

        engine.analyze(wav, false);
        assertEquals(2, log.writes(), "analysed again without the cache: a second batch");
        assertEquals(6, log.events().size());
    }

    @Test
    void aThrowingAnalyzerIsRecordedAsFailedAndTheOthersAsOk() throws Exception {
        engine.events = log;
        engine.addAnalyzer(new ThrowingAnalyzer(), Map.of("segue.analyzer.id", "test.throws/1"));
        TrackReport report = engine.analyze(AnalysisEngineTest.writeWav(dir, "b.wav", Signals.sine(44100, 1, 440, 0.5)));
        assertEquals(1, report.failures().size());

        assertEquals(1, log.writes());
        Map<String, UserEvent> byComponent = byComponent(log.events());
        assertEquals(4, byComponent.size());
        assertEquals("false", byComponent.get("test.throws/1").attributes().get(UserEventTypes.OK));
        assertEquals("true", byComponent.get("test.sleepy/1").attributes().get(UserEventTypes.OK));
        assertEquals("true", byComponent.get("test.quick/2").attributes().get(UserEventTypes.OK));
        assertEquals("true", byComponent.get("wav").attributes().get(UserEventTypes.OK));
    }

    @Test
    void aDecoderThatFailsIsRecordedAsFailedAndTheErrorStillReachesTheCaller() throws Exception {
        engine.events = log;
        // The decoder accepts it by its first bytes, then finds no WAV format chunk and throws.
        Path wav = java.nio.file.Files.writeString(dir.resolve("c.wav"), "RIFF\0\0\0\0WAVEgarbage, not chunks at all");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> engine.analyze(wav),
                "the caller still sees the decoder's error");
        assertEquals(1, log.writes());
        UserEvent decoder = byComponent(log.events()).get("wav");
        assertEquals("false", decoder.attributes().get(UserEventTypes.OK), log.events().toString());
    }

    @Test
    void withoutAnEventLogOrWithABrokenOneAnalysisWorks() throws Exception {
        Path wav = AnalysisEngineTest.writeWav(dir, "d.wav", Signals.sine(44100, 1, 440, 0.5));
        TrackReport none = engine.analyze(wav, false);
        assertTrue(none.results().get(StandardResults.TEMPO).isPresent());

        List<String> warnings = new ArrayList<>();
        UsageRecorder recorder = new UsageRecorder("analysis", warnings::add);
        EventLog broken = new EventLog() {
            @Override
            public RecordResult record(UserEvent event) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
            }

            @Override
            public List<UserEvent> history(String userId) {
                return List.of();
            }

            @Override
            public List<RecordResult> recordAll(List<UserEvent> events) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
            }
        };
        engine.events = broken;
        TrackReport withBroken = engine.analyze(wav, false);
        assertFalse(withBroken.cached());
        assertTrue(withBroken.results().get(StandardResults.TEMPO).isPresent(), "the analysis stands");

        List<UserEvent> batch = List.of(new UserEvent("u", UserEventTypes.PLUGIN_USED, NOW, Map.of()));
        recorder.record(broken, batch);
        recorder.record(broken, batch);
        assertEquals(1, warnings.size(), "reported once: " + warnings);
        assertTrue(warnings.get(0).contains("disk full"), warnings.get(0));
    }

    @Test
    void thePerBlockPathWithItsTimingAllocatesNothing() {
        org.segue.api.testkit.AllocationMeter meter = org.segue.api.testkit.AllocationMeter.forCurrentThread();
        org.junit.jupiter.api.Assumptions.assumeTrue(meter != null, "this JVM cannot count allocations");
        List<org.segue.api.analysis.TrackReport.AnalyzerFailure> failures = new ArrayList<>();
        AnalyzerSlot slot = AnalyzerSlot.begin(new AnalyzerSlot.Entry("test.quick/2", new SleepyAnalyzer(0)),
                new AudioFormat(44100, 1), -1, failures);
        org.segue.api.testkit.BlockBuffer buffer = new org.segue.api.testkit.BlockBuffer(1, 1000, 44100);
        AudioBlock block = buffer.fill(Signals.sine(44100, 1, 440, 0.5).audio(), 0, 1000);
        long least = meter.leastAllocatedBy(5, () -> {
            for (int i = 0; i < 20_000; i++) {
                slot.accept(block);
            }
        });
        assertEquals(0, least, "bytes allocated by 20 000 timed blocks");
        assertTrue(slot.nanos() > 0 && slot.active());
        slot.close();
    }

    private static Map<String, UserEvent> byComponent(List<UserEvent> events) {
        return events.stream().collect(Collectors.toMap(e -> e.attributes().get(UserEventTypes.COMPONENT), Function.identity()));
    }

    private static double millis(UserEvent e) {
        return Double.parseDouble(e.attributes().get(UserEventTypes.MILLIS));
    }
}
